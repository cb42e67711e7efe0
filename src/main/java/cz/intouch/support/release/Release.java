package cz.intouch.support.release;

import java.time.Instant;
import java.time.LocalDate;

/** A release in the register; {@code publishedAt} null while only planned, {@code installerFile} relative. */
public record Release(long id, ProgramVersion version, ReleaseKind kind, LocalDate plannedOn, Instant publishedAt,
    String releaseNotes, String installationInstructions, String installerFile) {

  public boolean published() {
    return publishedAt != null;
  }
}
