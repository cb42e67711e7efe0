package cz.intouch.support.triage;

import cz.intouch.support.triage.LabelledRequests.Labelled;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggests scope and urgency from the words of a request, learnt from the analysts' labelled requests (naive
 * Bayes over word stems and pairs). The decision tables stay in charge: their signal rows ({@link TriageSignals})
 * decide first, and only where none matches do they take this suggestion (rows reading {@code suggestedScope} and
 * {@code suggestedUrgency}); it carries vocabulary no signal lists. Analysts improve it by adding labelled
 * requests, not code.
 */
public final class RequestClassifier {

  /**
   * What the tables read: {@code IN_SCOPE} or an out-of-scope category, and the likeliest in-scope urgency; either
   * is null when the words do not clearly point one way.
   */
  public record Suggestion(String scope, String urgency) {}

  public static final String IN_SCOPE = "IN_SCOPE";

  /** Laplace-style smoothing: a stem never seen with a class lowers it, but does not rule it out. */
  private static final double ALPHA = 0.5;
  private static final int STEM = 5;
  private static final int PAIR_STEM = 4;
  /**
   * Log-likelihood lead a suggestion needs over the runner-up (e² ≈ 7 times likelier). Chosen on the blind holdouts
   * from 0, 1, 2 and 3: 2 and 3 did best there, the corpus did not move.
   */
  private static final double MIN_MARGIN = 2.0;

  private final String[] classes;
  private final double[] logPriors;
  private final Map<String, double[]> logProbabilities = new HashMap<>();

  private RequestClassifier(List<Labelled> examples) {
    Map<String, Integer> classIndex = new HashMap<>();
    for (Labelled example : examples) {
      classIndex.putIfAbsent(label(example), classIndex.size());
    }
    classes = new String[classIndex.size()];
    classIndex.forEach((name, index) -> classes[index] = name);
    int[] documents = new int[classes.length];
    long[] featureTotals = new long[classes.length];
    Map<String, int[]> counts = new HashMap<>();
    for (Labelled example : examples) {
      int c = classIndex.get(label(example));
      documents[c]++;
      for (String feature : features(RequestText.decisionInput(example.subject(), example.body()))) {
        counts.computeIfAbsent(feature, f -> new int[classes.length])[c]++;
        featureTotals[c]++;
      }
    }
    int vocabulary = counts.size();
    logPriors = new double[classes.length];
    for (int c = 0; c < classes.length; c++) {
      logPriors[c] = Math.log((double) documents[c] / examples.size());
    }
    counts.forEach((feature, perClass) -> {
      double[] logs = new double[classes.length];
      for (int c = 0; c < classes.length; c++) {
        logs[c] = Math.log((perClass[c] + ALPHA) / (featureTotals[c] + ALPHA * vocabulary));
      }
      logProbabilities.put(feature, logs);
    });
  }

  public static RequestClassifier train(List<Labelled> examples) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("No labelled requests to learn from");
    }
    return new RequestClassifier(examples);
  }

  /** @param decisionText the request as the decision tables read it ({@link RequestText#decisionInput}) */
  public Suggestion suggest(String decisionText) {
    double[] scores = logPriors.clone();
    for (String feature : features(decisionText)) {
      double[] logs = logProbabilities.get(feature);
      if (logs == null) {
        // a word no labelled request has: it tells nothing, and counting it would favour the smallest classes
        continue;
      }
      for (int c = 0; c < scores.length; c++) {
        scores[c] += logs[c];
      }
    }
    int best = best(scores, null);
    String scope;
    if (classes[best].startsWith(IN_SCOPE)) {
      scope = IN_SCOPE;
    } else {
      // out of scope only when clearly likelier than anything in scope: a doubtful refusal is worse than none
      boolean clear = scores[best] - scores[best(scores, IN_SCOPE)] >= MIN_MARGIN;
      scope = clear ? classes[best].substring(classes[best].indexOf('/') + 1) : null;
    }
    int urgency = best(scores, IN_SCOPE);
    int runnerUp = secondBest(scores, urgency);
    // a near tie between two urgencies is no suggestion: the tables' generic rows decide then
    boolean clear = runnerUp < 0 || scores[urgency] - scores[runnerUp] >= MIN_MARGIN;
    return new Suggestion(scope, clear ? classes[urgency].substring(classes[urgency].indexOf('/') + 1) : null);
  }

  /** The best class, among those starting with the prefix if given. */
  private int best(double[] scores, String prefix) {
    int best = -1;
    for (int c = 0; c < classes.length; c++) {
      if ((prefix == null || classes[c].startsWith(prefix)) && (best < 0 || scores[c] > scores[best])) {
        best = c;
      }
    }
    return best;
  }

  /** The best in-scope class other than the given one. */
  private int secondBest(double[] scores, int first) {
    int second = -1;
    for (int c = 0; c < classes.length; c++) {
      if (c != first && classes[c].startsWith(IN_SCOPE) && (second < 0 || scores[c] > scores[second])) {
        second = c;
      }
    }
    return second;
  }

  /** Out-of-scope requests learn their category only; their urgency label means nothing. */
  private static String label(Labelled example) {
    return "OUT_OF_SCOPE".equals(example.scope()) ? "OUT_OF_SCOPE/" + example.category() : IN_SCOPE + "/" + example.urgency();
  }

  /** Stems (first letters of each word: Czech endings vary, stems don't) and pairs of neighbouring stems. */
  static Set<String> features(String text) {
    Set<String> features = new LinkedHashSet<>();
    String previous = null;
    for (String word : text.trim().split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      if (word.length() >= 3 && !word.chars().allMatch(Character::isDigit)) {
        features.add("s:" + word.substring(0, Math.min(STEM, word.length())));
      }
      if (previous != null) {
        features.add("p:" + previous.substring(0, Math.min(PAIR_STEM, previous.length())) + "_"
            + word.substring(0, Math.min(PAIR_STEM, word.length())));
      }
      previous = word;
    }
    return features;
  }
}
