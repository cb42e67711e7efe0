package cz.intouch.support.sla;

import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/sla/recalculate: after a change of the business calendar, move the deadlines of waiting tickets now. */
@RestController
public class SlaController {

  private final SlaRecalculation recalculation;

  public SlaController(SlaRecalculation recalculation) {
    this.recalculation = recalculation;
  }

  @PostMapping("/api/sla/recalculate")
  public Map<String, Integer> recalculate() {
    return Map.of("recalculated", recalculation.recalculate());
  }
}
