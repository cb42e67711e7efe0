package cz.intouch.support.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * The analysts' labelled requests ({@code dmn/triage-corpus.csv}): what the urgency and scope tables are
 * measured against and what {@link RequestClassifier} learns from. RFC 4180 CSV with the header
 * {@code expected_scope,expected_category,expected_urgency,channel,subject,body}.
 */
public final class LabelledRequests {

  public static final List<String> HEADER =
      List.of("expected_scope", "expected_category", "expected_urgency", "channel", "subject", "body");

  /** One labelled request; {@code line} is its record number in the file (header = 1). */
  public record Labelled(int line, String scope, String category, String urgency, String channel, String subject,
      String body) {}

  private LabelledRequests() {}

  public static List<Labelled> parse(String csv) {
    List<List<String>> records = records(csv);
    if (records.isEmpty() || !records.get(0).equals(HEADER)) {
      throw new IllegalArgumentException("Labelled requests must start with the header " + String.join(",", HEADER));
    }
    List<Labelled> requests = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      if (r.size() == 1 && r.get(0).isBlank()) {
        continue;
      }
      if (r.size() != HEADER.size()) {
        throw new IllegalArgumentException("Record " + (i + 1) + " has " + r.size() + " fields, not 6");
      }
      requests.add(new Labelled(i + 1, r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)));
    }
    return requests;
  }

  /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
  static List<List<String>> records(String csv) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
