package cz.intouch.support.triage;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.ticket.TicketMessage;
import cz.intouch.support.ticket.TicketMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What the scope and urgency tables read, in one place for the process and the triage dry run: the normalised
 * request text, the named signals of its substance ({@link TriageSignals}) and the learnt suggestions. In the
 * process the values are transient (set by a start listener on each business rule task, from the ticket's stored
 * messages), so they never bloat history and are there again when an agent sends an out-of-scope ticket back to
 * urgency.
 */
@Component("triageInput")
public class TriageInput {

  /** The analysts' labelled requests, beside the decision tables (copied to the classpath by the build). */
  static final String CORPUS = "dmn/triage-corpus.csv";

  private final RequestClassifier classifier;
  private final TicketMessages messages;

  @Autowired
  public TriageInput(TicketMessages messages) {
    this(messages, RequestClassifier.train(LabelledRequests.parse(corpus())));
  }

  TriageInput(TicketMessages messages, RequestClassifier classifier) {
    this.messages = messages;
    this.classifier = classifier;
  }

  /** The decision variables for a request's subject and body (channel added by the caller). */
  public Map<String, Object> of(String subject, String body) {
    String text = RequestText.decisionInput(subject, body);
    RequestClassifier.Suggestion suggestion = classifier.suggest(text);
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(TRIAGE_TEXT, text);
    inputs.put(SUGGESTED_SCOPE, suggestion.scope());
    inputs.put(SUGGESTED_URGENCY, suggestion.urgency());
    inputs.putAll(TriageSignals.of(subject, body).asInputs());
    return inputs;
  }

  /** Start listener of the scope and urgency tasks: the inputs from the customer's own messages, transient. */
  public void provide(DelegateExecution execution) {
    List<TicketMessage> incoming = messages.fromCustomer((String) execution.getVariable(TICKET_NUMBER));
    String subject = incoming.isEmpty() ? "" : nullToEmpty(incoming.get(0).subject());
    String body = incoming.stream().map(message -> nullToEmpty(message.body())).collect(Collectors.joining("\n\n"));
    of(subject, body).forEach((name, value) -> execution.setVariable(name, value instanceof Boolean flag
        ? Variables.booleanValue(flag, true) : Variables.stringValue((String) value, true)));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String corpus() {
    try (InputStream in = new ClassPathResource(CORPUS).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the labelled requests " + CORPUS, e);
    }
  }
}
