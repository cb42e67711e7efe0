package cz.intouch.support.faults;

import cz.intouch.support.SupportDeskApplication;
import java.time.Duration;
import java.util.Arrays;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.SpringApplication;

/**
 * The desk with the engine's clock running ahead of the wall clock by {@code --faults.clock-offset=PT26H}, so SLA
 * timers of tickets received a moment ago fall due while it runs. The offset is a moving clock (ClockUtil.offset),
 * not a frozen time: locks, due dates and timers advance as on a real desk.
 */
public final class ShiftedClockDesk {

  static final String OFFSET = "faults.clock-offset";

  private ShiftedClockDesk() {}

  public static void main(String[] args) {
    Duration offset = Arrays.stream(args).filter(arg -> arg.startsWith("--" + OFFSET + "="))
        .map(arg -> Duration.parse(arg.substring(OFFSET.length() + 3))).findFirst().orElse(Duration.ZERO);
    ClockUtil.offset(offset.toMillis());
    SpringApplication.run(SupportDeskApplication.class, args);
  }
}
