package cz.intouch.support.ticket;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code support.intake.earliest-receipt}: no receipt time handed to the desk may lie before this Prague date. */
@ConfigurationProperties(prefix = "support.intake")
public record ReceiptTimeSettings(LocalDate earliestReceipt) {}
