package mx.org.iecm.pgd.startup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

  /** Static: it must run before any other bean, the data source among them, is created. */
  @Bean
  static RequiredSettingsCheck requiredSettingsCheck() {
    return new RequiredSettingsCheck();
  }
}
