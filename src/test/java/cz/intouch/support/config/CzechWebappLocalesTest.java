package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Czech locale files beside Camunda's English ones (both read from the classpath: en.json from the webjar,
 * cs.json and config.js from our resources, which the starter serves in place of the webjar's): the same keys, the
 * same placeholders and markup, so a Camunda upgrade that adds or renames a text fails here instead of showing a
 * raw key to an agent.
 */
class CzechWebappLocalesTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  /** What the webapps fill in or render: {{name}}, {} counts, moment's %s/%d, the HTML the texts carry, entities. */
  private static final Pattern PRESERVED =
      Pattern.compile("\\{\\{[^}]*}}|\\{}|%[sd]|</?(?:a|br|strong)\\b[^>]*>|&[a-z]+;");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void czechHasExactlyTheEnglishKeysAndKeepsEveryPlaceholder(String app) throws IOException {
    JsonNode english = read(APP + app + "/locales/en.json");
    JsonNode czech = read(APP + app + "/locales/cs.json");

    List<String> problems = new ArrayList<>();
    compare("", english, czech, problems);

    assertThat(problems).as(app + "/locales/cs.json against the webjar's en.json").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersCzechFirstAndFallsBackToIt(String app) throws IOException {
    String ours = text(APP + app + "/scripts/config.js");
    String block = """
          locales: {
            availableLocales: ['cs', 'en'],
            fallbackLocale: 'cs'
          },
        """;

    assertThat(ours).contains(block);
    // the rest stays Camunda's file: only our commented additions (locales, our plugins' customScripts) differ
    String withoutOurLines = ours.replaceAll("(?m)^  // InTouch (support )?desk:.*\\n(?:  //.*\\n)*", "")
        .replace(block, "").replaceAll("(?m)^  customScripts: \\[[^\\]]*],\\n", "");
    assertThat(withoutBlankLines(withoutOurLines))
        .isEqualTo(withoutBlankLines(webjarText(APP + app + "/scripts/config.js")));
  }

  private static String withoutBlankLines(String text) {
    return text.replaceAll("(?m)^\\s*\\n", "");
  }

  private void compare(String path, JsonNode english, JsonNode czech, List<String> problems) {
    if (czech == null || czech.getNodeType() != english.getNodeType()) {
      problems.add(path + ": missing or of another type");
      return;
    }
    if (english.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = english.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        compare(path + "/" + field.getKey(), field.getValue(), czech.get(field.getKey()), problems);
      }
      czech.fieldNames().forEachRemaining(name -> {
        if (!english.has(name)) {
          problems.add(path + "/" + name + ": not in en.json");
        }
      });
    } else if (english.isArray()) {
      if (english.size() != czech.size()) {
        problems.add(path + ": " + czech.size() + " entries instead of " + english.size());
      }
    } else if (english.isTextual() && !preserved(english.asText()).equals(preserved(czech.asText()))) {
      problems.add(path + ": " + preserved(english.asText()) + " became " + preserved(czech.asText()));
    }
  }

  private static List<String> preserved(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = PRESERVED.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    Collections.sort(found);
    return found;
  }

  private JsonNode read(String resource) throws IOException {
    URL url = getClass().getClassLoader().getResource(resource);
    assertThat(url).as(resource + " on the classpath").isNotNull();
    try (InputStream in = url.openStream()) {
      return json.readTree(in); // Camunda's files start with a UTF-8 BOM, which Jackson skips
    }
  }

  private String text(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The original inside the webjar, which our copy hides from {@code getResource}. */
  private String webjarText(String resource) throws IOException {
    for (URL url : Collections.list(getClass().getClassLoader().getResources(resource))) {
      if (url.getPath().contains("camunda-webapp-webjar")) {
        try (InputStream in = url.openStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError(resource + " not found in the webjar");
  }
}
