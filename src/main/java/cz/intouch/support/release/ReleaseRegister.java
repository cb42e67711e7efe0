package cz.intouch.support.release;

import cz.intouch.support.ticket.DeskTime;
import cz.intouch.support.ticket.TicketMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The releases of InTouch CRM and the cosmetic tickets planned into them. A ticket is planned into at most one
 * release at a time; when none is planned it waits unassigned and joins the next release that gets planned.
 */
@Service
public class ReleaseRegister {

  private static final String COLUMNS = "id, version, major, minor, patch, kind, planned_on, published_at,"
      + " release_notes, installation_instructions, installer_file";
  private static final String VERSION_ORDER = " ORDER BY major, minor, patch";

  private final JdbcTemplate jdbc;
  private final Path filesDir;

  public ReleaseRegister(JdbcTemplate jdbc, ReleaseSettings settings) {
    this.jdbc = jdbc;
    this.filesDir = settings.filesDir().toAbsolutePath().normalize();
  }

  public record Publication(Release release, List<String> fixedTickets, List<String> movedTickets,
      Release movedTo) {}

  /** A planned release's cosmetic tickets: how many wait for it, how many of them are marked fixed so far. */
  public record PlannedBacklog(ProgramVersion version, LocalDate plannedOn, int tickets, int fixed) {}

  public Optional<Release> find(ProgramVersion version) {
    return jdbc.query("SELECT " + COLUMNS + " FROM sd_release WHERE major = ? AND minor = ? AND patch = ?",
        ReleaseRegister::release, version.major(), version.minor(), version.patch()).stream().findFirst();
  }

  /** Published releases, newest first: what the extranet offers. */
  public List<Release> published() {
    return jdbc.query("SELECT " + COLUMNS + " FROM sd_release WHERE published_at IS NOT NULL"
        + " ORDER BY major DESC, minor DESC, patch DESC", ReleaseRegister::release);
  }

  /** Planned, not yet published releases, lowest version first. */
  public List<Release> planned() {
    return jdbc.query("SELECT " + COLUMNS + " FROM sd_release WHERE published_at IS NULL" + VERSION_ORDER,
        ReleaseRegister::release);
  }

  public Optional<Release> newestPublished() {
    return published().stream().findFirst();
  }

  /** The planned release the next cosmetic fix goes into: the lowest planned version. */
  public Optional<Release> nextPlanned() {
    return planned().stream().findFirst();
  }

  /**
   * Plans a release, or returns the planned one of that version. Unassigned cosmetic tickets join it.
   *
   * @throws IllegalArgumentException (Czech) when that version is already published
   */
  @Transactional
  public Release plan(ProgramVersion version, ReleaseKind kind, LocalDate plannedOn) {
    Optional<Release> existing = find(version);
    if (existing.isPresent()) {
      if (existing.get().published()) {
        throw new IllegalArgumentException("Verze " + version + " už byla vydána.");
      }
      return existing.get();
    }
    jdbc.update("INSERT INTO sd_release (version, major, minor, patch, kind, planned_on, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)", version.toString(), version.major(), version.minor(), version.patch(),
        kind.name(), plannedOn, now());
    Release release = find(version).orElseThrow();
    jdbc.update("UPDATE sd_release_ticket SET release_id = ? WHERE release_id IS NULL", release.id());
    return release;
  }

  /** Notes, instructions and installer of a release being prepared; blank values leave the stored ones. */
  @Transactional
  public Release describe(ProgramVersion version, String releaseNotes, String installationInstructions,
      String installerFile) {
    Release release = require(version);
    if (installerFile != null && !installerFile.isBlank()) {
      installerPath(installerFile.trim());
    }
    jdbc.update("UPDATE sd_release SET release_notes = COALESCE(?, release_notes),"
            + " installation_instructions = COALESCE(?, installation_instructions),"
            + " installer_file = COALESCE(?, installer_file) WHERE id = ?",
        blankToNull(releaseNotes), blankToNull(installationInstructions), blankToNull(installerFile), release.id());
    return require(version);
  }

  /** Plans a waiting cosmetic ticket into the next planned release (or leaves it unassigned); idempotent. */
  @Transactional
  public Optional<Release> planTicket(String ticketNumber) {
    Optional<Release> current = plannedReleaseOf(ticketNumber);
    if (current.isPresent()) {
      return current;
    }
    Optional<Release> next = nextPlanned();
    if (jdbc.queryForObject("SELECT COUNT(*) FROM sd_release_ticket WHERE ticket_number = ?", Integer.class,
        ticketNumber) == 0) {
      jdbc.update("INSERT INTO sd_release_ticket (ticket_number, release_id, fixed, planned_at) VALUES (?, ?, FALSE, ?)",
          ticketNumber, next.map(Release::id).orElse(null), now());
    } else {
      jdbc.update("UPDATE sd_release_ticket SET release_id = ? WHERE ticket_number = ?",
          next.map(Release::id).orElse(null), ticketNumber);
    }
    return next;
  }

  /**
   * An agent's decision: the ticket's fix goes into this planned release.
   *
   * @throws IllegalArgumentException (Czech) when the release is not planned or the ticket waits for none
   */
  @Transactional
  public Release moveTicket(String ticketNumber, ProgramVersion version) {
    Release release = require(version);
    if (release.published()) {
      throw new IllegalArgumentException("Verze " + version + " už byla vydána, tiket do ní nelze zařadit.");
    }
    int moved = jdbc.update("UPDATE sd_release_ticket SET release_id = ?, fixed = FALSE, planned_at = ?"
        + " WHERE ticket_number = ? AND (release_id IS NULL OR release_id IN"
        + " (SELECT id FROM sd_release WHERE published_at IS NULL))", release.id(), now(), ticketNumber);
    if (moved == 0) {
      throw new IllegalArgumentException("Tiket " + ticketNumber + " nečeká na opravu v příštím vydání.");
    }
    return release;
  }

  public Optional<Release> plannedReleaseOf(String ticketNumber) {
    return jdbc.query("SELECT r.id, r.version, r.major, r.minor, r.patch, r.kind, r.planned_on, r.published_at,"
            + " r.release_notes, r.installation_instructions, r.installer_file FROM sd_release r JOIN sd_release_ticket t ON t.release_id = r.id"
            + " WHERE t.ticket_number = ? AND r.published_at IS NULL",
        ReleaseRegister::release, ticketNumber).stream().findFirst();
  }

  /**
   * The cosmetic backlog of every planned release, lowest version first (one grouped query over the small
   * sd_release, joined through sd_release_ticket_release_ix).
   */
  public List<PlannedBacklog> plannedBacklog() {
    return jdbc.query("SELECT r.major, r.minor, r.patch, r.planned_on, COUNT(t.ticket_number) AS tickets,"
            + " COALESCE(SUM(CASE WHEN t.fixed THEN 1 ELSE 0 END), 0) AS fixed"
            + " FROM sd_release r LEFT JOIN sd_release_ticket t ON t.release_id = r.id WHERE r.published_at IS NULL"
            + " GROUP BY r.id, r.major, r.minor, r.patch, r.planned_on" + VERSION_ORDER,
        (rs, row) -> new PlannedBacklog(new ProgramVersion(rs.getInt("major"), rs.getInt("minor"), rs.getInt("patch")),
            rs.getObject("planned_on", LocalDate.class), rs.getInt("tickets"), rs.getInt("fixed")));
  }

  /** Cosmetic tickets waiting while no release is planned (they join the next one that gets planned). */
  public int unassignedTickets() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sd_release_ticket WHERE release_id IS NULL", Integer.class);
  }

  public List<String> ticketsOf(ProgramVersion version) {
    return jdbc.queryForList("SELECT ticket_number FROM sd_release_ticket WHERE release_id = ? ORDER BY ticket_number",
        String.class, require(version).id());
  }

  public List<String> fixedTicketsOf(ProgramVersion version) {
    return jdbc.queryForList("SELECT ticket_number FROM sd_release_ticket WHERE release_id = ? AND fixed"
        + " ORDER BY ticket_number", String.class, require(version).id());
  }

  /** The managers' list of tickets whose fix is in the release; the other planned tickets are not fixed. */
  @Transactional
  public void markFixed(ProgramVersion version, Collection<String> ticketNumbers) {
    Release release = require(version);
    jdbc.update("UPDATE sd_release_ticket SET fixed = FALSE WHERE release_id = ?", release.id());
    for (String ticketNumber : ticketNumbers) {
      jdbc.update("UPDATE sd_release_ticket SET fixed = TRUE WHERE release_id = ? AND ticket_number = ?",
          release.id(), ticketNumber);
    }
  }

  /**
   * Marks the release published; its unfixed tickets move on to the next planned release (unassigned if none).
   *
   * @throws IllegalArgumentException (Czech) when it is already published
   */
  @Transactional
  public Publication publish(ProgramVersion version) {
    Release release = require(version);
    if (release.published()) {
      throw new IllegalArgumentException("Verze " + version + " už byla vydána.");
    }
    jdbc.update("UPDATE sd_release SET published_at = ? WHERE id = ?", now(), release.id());
    List<String> fixed = fixedTicketsOf(version);
    List<String> unfixed = jdbc.queryForList("SELECT ticket_number FROM sd_release_ticket WHERE release_id = ?"
        + " AND NOT fixed ORDER BY ticket_number", String.class, release.id());
    // the next release after this one; a lower planned version (a late patch) only when there is none higher
    Release next = planned().stream().filter(r -> r.version().isNewerThan(version)).findFirst()
        .or(this::nextPlanned).orElse(null);
    jdbc.update("UPDATE sd_release_ticket SET release_id = ? WHERE release_id = ? AND NOT fixed",
        next == null ? null : next.id(), release.id());
    return new Publication(require(version), fixed, unfixed, next);
  }

  /**
   * The installer's location on disk.
   *
   * @throws IllegalArgumentException (Czech) for a path leaving the releases directory
   */
  public Path installerPath(String installerFile) {
    Path path = filesDir.resolve(installerFile).normalize();
    if (!path.startsWith(filesDir) || path.equals(filesDir)) {
      throw new IllegalArgumentException("Instalační soubor musí ležet v adresáři vydání (" + filesDir + ").");
    }
    return path;
  }

  public Optional<Path> installer(Release release) {
    if (release.installerFile() == null) {
      return Optional.empty();
    }
    Path path = installerPath(release.installerFile());
    return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
  }

  public Path filesDir() {
    return filesDir;
  }

  private Release require(ProgramVersion version) {
    return find(version).orElseThrow(() -> new IllegalArgumentException("Verze " + version + " není v registru vydání."));
  }

  private static OffsetDateTime now() {
    return TicketMessages.timestamp(DeskTime.now());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Release release(ResultSet rs, int row) throws SQLException {
    OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
    return new Release(rs.getLong("id"), new ProgramVersion(rs.getInt("major"), rs.getInt("minor"), rs.getInt("patch")),
        ReleaseKind.valueOf(rs.getString("kind")), rs.getObject("planned_on", LocalDate.class),
        published == null ? null : published.toInstant(), rs.getString("release_notes"),
        rs.getString("installation_instructions"), rs.getString("installer_file"));
  }
}
