package cz.intouch.support.outage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * A TCP proxy on loopback that can play an outage: {@link #down()} closes every open connection and stops
 * listening, so new connections are refused as by a stopped server; {@link #up()} listens on the same port again.
 * The target port is read on each connection, so it may be known only after the proxy's port was handed out.
 */
final class OutageProxy implements AutoCloseable {

  private final int port;
  private final IntSupplier targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listening;

  OutageProxy(int port, IntSupplier targetPort) throws IOException {
    this.port = port;
    this.targetPort = targetPort;
    up();
  }

  int port() {
    return port;
  }

  synchronized void up() throws IOException {
    if (listening != null) {
      return;
    }
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listening = server;
    Thread acceptor = new Thread(() -> accept(server), "outage-proxy-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The outage: established connections break (as when the server dies), new ones are refused. */
  synchronized void down() throws IOException {
    if (listening != null) {
      listening.close();
      listening = null;
    }
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target;
        try {
          target = new Socket(InetAddress.getLoopbackAddress(), targetPort.getAsInt());
        } catch (IOException unreachable) {
          closeQuietly(client);
          continue;
        }
        open.add(client);
        open.add(target);
        if (listening != server) { // down() ran meanwhile: this connection belongs to the outage too
          closeQuietly(client);
          closeQuietly(target);
          return;
        }
        pipe(client, target);
        pipe(target, client);
      } catch (IOException closed) {
        return; // down() closed the server socket
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread copier = new Thread(() -> {
      byte[] buffer = new byte[16_384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException broken) {
        // one side closed: the other follows below
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "outage-proxy-pipe");
    copier.setDaemon(true);
    copier.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    down();
  }
}
