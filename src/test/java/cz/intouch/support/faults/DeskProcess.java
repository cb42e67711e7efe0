package cz.intouch.support.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * One support desk as a separate JVM, the way an operator runs it: same classpath as the test, its own working
 * directory (so the default {@code ./data/} H2 files land there), Spring properties as {@code --name=value}
 * arguments. {@link #kill()} is {@code kill -9}; {@link #stop()} is the graceful SIGTERM of a service manager.
 * Every line the desk prints goes to a log file in the working directory and to the watchers.
 */
final class DeskProcess {

  /** The mail poller runs from here on; the job executor starts a moment later. */
  static final Pattern READY = Pattern.compile("Polling INBOX at ");

  private final Path workDir;
  private final String mainClass;
  private final Map<String, String> properties;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> watchers = new CopyOnWriteArrayList<>();
  private Process process;
  private Thread reader;

  DeskProcess(Path workDir, String mainClass, Map<String, String> properties) {
    this.workDir = workDir;
    this.mainClass = mainClass;
    this.properties = Map.copyOf(properties);
  }

  /** Starts the JVM; a process started before must have ended. */
  DeskProcess start(String logName, Map<String, String> moreProperties) throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("already running");
    }
    lines.clear();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // a desk starts over and over: quick start-up beats peak speed, and five engineers share two cores
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
        // surefire may hand over a manifest-only booter jar here: it works as -cp all the same
        "-cp", System.getProperty("java.class.path"),
        mainClass));
    properties.forEach((name, value) -> command.add("--" + name + "=" + value));
    moreProperties.forEach((name, value) -> command.add("--" + name + "=" + value));
    Files.createDirectories(workDir);
    process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    // a desk must not outlive the test JVM (a timeout, Ctrl-C): it would hold the H2 files and the ports
    Process child = process;
    Runtime.getRuntime().addShutdownHook(new Thread(child::destroyForcibly));
    Path logFile = workDir.resolve(logName);
    Process started = process;
    reader = new Thread(() -> copyLog(started, logFile), "desk-log-" + logName);
    reader.setDaemon(true);
    reader.start();
    return this;
  }

  private void copyLog(Process from, Path logFile) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(from.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
        out.write(line);
        out.write('\n');
        for (Consumer<String> watcher : watchers) {
          watcher.accept(line);
        }
      }
    } catch (IOException e) {
      // the pipe closes when the desk is killed
    }
  }

  /** Called with every line the desk prints from now on, on the log reader's thread (react fast there). */
  void watch(Consumer<String> watcher) {
    watchers.add(watcher);
  }

  void clearWatchers() {
    watchers.clear();
  }

  void awaitLine(Pattern pattern, Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(200))
        .failFast("the desk ended", () -> !process.isAlive())
        .until(() -> saw(pattern));
  }

  /** Whether the desk printed a matching line since it started. */
  boolean saw(Pattern pattern) {
    return lines.stream().anyMatch(line -> pattern.matcher(line).find());
  }

  /**
   * Awaitility as these tests need it: a killed desk resets its SMTP and IMAP connections and GreenMail's handler
   * threads die loudly, as they may; that must not fail the wait (Awaitility's default).
   */
  static ConditionFactory await() {
    return Awaitility.await().dontCatchUncaughtExceptions();
  }

  /** The desk JVM's process id, as the mailbox lease names its holder ({@code pid@host/…}). */
  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** {@code kill -9} without waiting, for watchers that must hit a moment (the log reader, GreenMail's thread). */
  void destroyNow() {
    process.destroyForcibly();
  }

  /** {@code kill -9}: no shutdown hook, no flush, no rollback; the log is read to its end. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    awaitEnd(Duration.ofSeconds(30));
  }

  /** SIGTERM and wait for Spring to close the engine, the poller and the database. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the desk did not stop within 90 s of SIGTERM");
    }
    awaitEnd(Duration.ofSeconds(10));
  }

  private void awaitEnd(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the desk did not end within " + timeout);
    }
    reader.join(timeout.toMillis());
  }

  /** Lines printed since the last start. */
  List<String> lines() {
    return List.copyOf(lines);
  }
}
