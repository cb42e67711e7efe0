package cz.intouch.support.release;

import static cz.intouch.support.ticket.TicketVariables.PLANNED_RELEASE;

import cz.intouch.support.api.BadRequestException;
import cz.intouch.support.api.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The release register for staff: list releases, and plan a waiting cosmetic ticket into another release. */
@RestController
@RequestMapping("/api/releases")
public class ReleaseController {

  private final ReleaseRegister register;
  private final RuntimeService runtime;

  public ReleaseController(ReleaseRegister register, RuntimeService runtime) {
    this.register = register;
    this.runtime = runtime;
  }

  @GetMapping
  public List<Map<String, Object>> releases() {
    List<Release> all = new java.util.ArrayList<>(register.planned());
    all.addAll(register.published());
    return all.stream().map(release -> {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("version", release.version().toString());
      view.put("kind", release.kind());
      view.put("plannedOn", release.plannedOn());
      view.put("publishedAt", release.publishedAt());
      view.put("tickets", register.ticketsOf(release.version()));
      return view;
    }).toList();
  }

  public record Planned(String ticketNumber, String releaseVersion) {}

  @PostMapping("/{version}/tickets/{ticketNumber}")
  @Transactional
  public Planned plan(@PathVariable String version, @PathVariable String ticketNumber) {
    ProgramVersion target;
    try {
      target = ProgramVersion.parse(version);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("version", e.getMessage());
    }
    if (register.find(target).isEmpty()) {
      throw new NotFoundException("Verze " + target + " není v registru vydání.");
    }
    try {
      register.moveTicket(ticketNumber, target);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("ticketNumber", e.getMessage());
    }
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber).active().list().forEach(
        instance -> runtime.setVariable(instance.getId(), PLANNED_RELEASE, target.toString()));
    return new Planned(ticketNumber, target.toString());
  }
}
