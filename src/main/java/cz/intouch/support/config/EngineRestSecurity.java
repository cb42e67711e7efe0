package cz.intouch.support.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API is open in the starter; here it requires HTTP Basic against the engine's users,
 * and the engine then checks that user's authorizations on every call.
 */
@Configuration
public class EngineRestSecurity {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  /**
   * The guards must see the caller, so they go after both the engine REST authentication above and the
   * webapps' authentication filter, which the Camunda starter appends to the filter chain itself. The web
   * server factory's own initializers run after all registration beans, so the guards' mappings land last.
   */
  @Bean
  public WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> engineRestGuards(
      ObjectProvider<IdentityService> identityService, ObjectProvider<AuthorizationService> authorizationService,
      ObjectMapper objectMapper) {
    return factory -> factory.addInitializers(servletContext -> {
      servletContext.addFilter("job-change-guard", new JobChangeGuard(identityService::getObject, objectMapper))
          .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, JobChangeGuard.URL_PATTERNS);
      servletContext.addFilter("existing-membership",
              new ExistingMembership(identityService::getObject, authorizationService::getObject))
          .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, JobChangeGuard.URL_PATTERNS);
    });
  }
}
