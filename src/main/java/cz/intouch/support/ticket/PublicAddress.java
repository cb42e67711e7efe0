package cz.intouch.support.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code support.public-base-url}: where customers and staff reach the desk, for the links in its mails (the
 * extranet, a task in Tasklist). Read here once; the default run's value and prod's variable are in the YAML.
 */
@ConfigurationProperties(prefix = "support")
public record PublicAddress(String publicBaseUrl) {

  public PublicAddress {
    if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
      throw new IllegalArgumentException("support.public-base-url is not set");
    }
    publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  /** The customers' portal: {@code …/extranet}. */
  public String extranet() {
    return publicBaseUrl + "/extranet";
  }

  /** A task in Tasklist, as the SLA notices link it. */
  public String tasklistTask(String taskId) {
    return publicBaseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }
}
