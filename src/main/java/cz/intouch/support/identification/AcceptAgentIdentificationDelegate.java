package cz.intouch.support.identification;

import static cz.intouch.support.ticket.TicketVariables.*;

import cz.intouch.support.customer.CustomerRegistry;
import cz.intouch.support.ticket.DeskTime;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An agent completed identification by hand (e.g. after calling the customer back): the agent vouches for it,
 * the contract is still checked when the company is in the registry, and the SLA starts now.
 */
@Component("acceptAgentIdentification")
public class AcceptAgentIdentificationDelegate implements JavaDelegate {

  private final CustomerRegistry registry;

  public AcceptAgentIdentificationDelegate(CustomerRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    java.util.Date now = java.util.Date.from(DeskTime.now());
    LocalDate today = DeskTime.dateOf(now.toInstant());
    Object companyId = execution.getVariable(COMPANY_ID);
    Object companyName = execution.getVariable(COMPANY_NAME);
    var company = companyId != null && !companyId.toString().isBlank()
        ? registry.findCompanyByIco(companyId.toString().replace(" ", ""))
        : java.util.Optional.<cz.intouch.support.customer.Company>empty();
    if (company.isEmpty() && companyName != null) {
      company = registry.findCompanyByName(companyName.toString());
    }
    company.ifPresent(found -> {
      setIfChanged(execution, COMPANY_ID, found.ico());
      setIfChanged(execution, COMPANY_NAME, found.name());
      setIfChanged(execution, CONTRACT_VALID_UNTIL,
          found.contractValidUntil() == null ? null : found.contractValidUntil().toString());
    });
    setIfChanged(execution, CONTRACT_VALID, company.map(found -> registry.hasValidContract(found, today)).orElse(false));
    setIfChanged(execution, IDENTIFIED, true);
    setIfChanged(execution, MISSING_IDENTIFICATION, "");
    setIfChanged(execution, SLA_START_AT, now);
  }
}
