package cz.intouch.support.identification;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.customer.Company;
import cz.intouch.support.customer.CustomerRegistry;
import cz.intouch.support.ticket.DeskTime;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An agent completed identification by hand (e.g. after calling the customer back): the agent vouches for it,
 * the contract is still checked when the company is in the registry, and the SLA starts now.
 */
@Component("acceptAgentIdentification")
public class AcceptAgentIdentificationDelegate implements JavaDelegate {

  private final IdentificationService identification;
  private final CustomerRegistry registry;

  public AcceptAgentIdentificationDelegate(IdentificationService identification, CustomerRegistry registry) {
    this.identification = identification;
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = Date.from(DeskTime.now());
    Optional<Company> company = identification.findCompany(string(execution, COMPANY_ID),
        string(execution, COMPANY_NAME));
    company.ifPresent(found -> {
      setIfChanged(execution, COMPANY_ID, found.ico());
      setIfChanged(execution, COMPANY_NAME, found.name());
      setIfChanged(execution, CONTRACT_VALID_UNTIL,
          found.contractValidUntil() == null ? null : found.contractValidUntil().toString());
    });
    setIfChanged(execution, CONTRACT_VALID,
        company.map(found -> registry.hasValidContract(found, DeskTime.dateOf(now.toInstant()))).orElse(false));
    setIfChanged(execution, IDENTIFIED, true);
    setIfChanged(execution, MISSING_IDENTIFICATION, "");
    setIfChanged(execution, SLA_START_AT, now);
  }

  private static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
