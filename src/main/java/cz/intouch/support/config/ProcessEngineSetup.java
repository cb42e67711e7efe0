package cz.intouch.support.config;

import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The engine configuration of the starter, with changes for the models in bpmn/ and dmn/:
 * resources are named by their path in the repository (bpmn/support-request.bpmn), not by the absolute
 * path of the build directory, and a restart with unchanged models deploys nothing new.
 */
@Configuration
public class ProcessEngineSetup {

  @Bean
  public ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins) {
    SpringProcessEngineConfiguration configuration = new ModelFolderEngineConfiguration();
    CamundaSpringBootUtil.initCustomFields(configuration);
    configuration.setDeployChangedOnly(true);
    configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
    return configuration;
  }

  static class ModelFolderEngineConfiguration extends SpringProcessEngineConfiguration {

    @Override
    protected String getFileResourceName(Resource resource) {
      return modelPath(resource);
    }
  }

  /** bpmn/x.bpmn or dmn/y.dmn: the part of the URL from the last model folder on. */
  static String modelPath(Resource resource) {
    String url;
    try {
      url = resource.getURL().toString();
    } catch (IOException e) {
      return resource.getFilename();
    }
    int at = Math.max(url.lastIndexOf("/bpmn/"), url.lastIndexOf("/dmn/"));
    return at >= 0 ? url.substring(at + 1) : resource.getFilename();
  }
}
