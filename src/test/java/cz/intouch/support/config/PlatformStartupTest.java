package cz.intouch.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import cz.intouch.support.SupportDeskTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SupportDeskTest
class PlatformStartupTest {

  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;

  @Test
  void everyModelInTheRepositoryIsDeployedUnderItsRepositoryPath() throws IOException {
    List<String> modelFiles = modelFiles();
    assertThat(modelFiles).isNotEmpty();

    List<String> deployed = repository.createDeploymentQuery().list().stream()
        .flatMap(deployment -> repository.getDeploymentResources(deployment.getId()).stream())
        .map(Resource::getName)
        .toList();
    assertThat(deployed).containsAll(modelFiles);
  }

  @Test
  void everyProcessAndDecisionCarriesHistoryTimeToLiveAndVersionTag() {
    List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().latestVersion().list();
    assertThat(processes).extracting(ProcessDefinition::getKey).contains("supportRequest");
    assertThat(processes).allSatisfy(process -> {
      assertThat(process.getHistoryTimeToLive()).as(process.getKey()).isNotNull();
      assertThat(process.getVersionTag()).as(process.getKey()).isNotBlank();
    });
    List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().latestVersion().list();
    assertThat(decisions).allSatisfy(decision -> {
      assertThat(decision.getHistoryTimeToLive()).as(decision.getKey()).isNotNull();
      assertThat(decision.getVersionTag()).as(decision.getKey()).isNotBlank();
    });
  }

  @Test
  void theContractsStaffGroupsAndDemoUsersExistOnTheDefaultRun() {
    assertThat(identity.createGroupQuery().list()).extracting("id")
        .contains("camunda-admin", "support-agents", "support-specialists", "support-managers");
    assertThat(identity.createGroupQuery().groupMember("agent").singleResult().getId()).isEqualTo("support-agents");
    assertThat(identity.createGroupQuery().groupMember("specialist").singleResult().getId())
        .isEqualTo("support-specialists");
    assertThat(identity.createGroupQuery().groupMember("manager").singleResult().getId())
        .isEqualTo("support-managers");
    assertThat(identity.checkPassword("admin", "admin")).isTrue();
  }

  private static List<String> modelFiles() throws IOException {
    try (Stream<Path> bpmn = Files.walk(Path.of("bpmn")); Stream<Path> dmn = Files.walk(Path.of("dmn"))) {
      return Stream.concat(bpmn, dmn)
          .filter(Files::isRegularFile)
          .map(path -> path.toString().replace('\\', '/'))
          .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))
          .toList();
    }
  }
}
