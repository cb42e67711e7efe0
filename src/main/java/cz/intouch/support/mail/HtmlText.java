package cz.intouch.support.mail;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text of an HTML-only mail. Blocks and {@code <br>} become line breaks and {@code <blockquote>} content
 * becomes "> " lines, so {@code triage.RequestText} strips quoted history as in a plain-text mail.
 */
public final class HtmlText {

  private static final Set<String> BLOCKS = Set.of("p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3",
      "h4", "h5", "h6", "pre", "hr", "address", "section", "article", "header", "footer", "blockquote");
  private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title");

  private HtmlText() {}

  /** The http(s) addresses the HTML's links point to, in order. */
  public static List<String> links(String html) {
    if (html == null || html.isBlank()) {
      return List.of();
    }
    return Jsoup.parse(html).select("a[href]").stream().map(link -> link.attr("href").strip())
        .filter(href -> href.regionMatches(true, 0, "http", 0, 4)).toList();
  }

  public static String of(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Writer writer = new Writer();
    NodeTraversor.traverse(writer, Jsoup.parse(html).body());
    return writer.text();
  }

  private static final class Writer implements NodeVisitor {

    private final StringBuilder out = new StringBuilder();
    private int quoteDepth;
    private int skipDepth;
    private boolean lineStart = true;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element element) {
        String tag = element.normalName();
        if (SKIPPED.contains(tag)) {
          skipDepth++;
        } else if ("br".equals(tag)) {
          newLine();
        } else if (BLOCKS.contains(tag)) {
          endLine();
          if ("blockquote".equals(tag)) {
            quoteDepth++;
          }
        }
      } else if (node instanceof TextNode text && skipDepth == 0) {
        String words = text.text().replace('\u00a0', ' ').replaceAll("\\s+", " ");
        if (lineStart) {
          words = words.stripLeading();
        }
        if (!words.isEmpty()) {
          if (lineStart) {
            out.append("> ".repeat(quoteDepth));
          }
          out.append(words);
          lineStart = false;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element) {
        String tag = element.normalName();
        if (SKIPPED.contains(tag)) {
          skipDepth--;
        } else if (BLOCKS.contains(tag)) {
          endLine();
          if ("blockquote".equals(tag)) {
            quoteDepth--;
          }
        }
      }
    }

    private void endLine() {
      if (!lineStart) {
        newLine();
      }
    }

    private void newLine() {
      if (lineStart && quoteDepth > 0) {
        out.append(">".repeat(quoteDepth));
      }
      out.append('\n');
      lineStart = true;
    }

    String text() {
      return out.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
  }
}
