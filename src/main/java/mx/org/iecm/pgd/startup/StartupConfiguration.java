package mx.org.iecm.pgd.startup;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

  /** Static: it must run before any other bean, the data source among them, is created. */
  @Bean
  static RequiredSettingsCheck requiredSettingsCheck() {
    return new RequiredSettingsCheck();
  }

  /** Static, as a bean post-processor; it asks for the data source only when Liquibase is about to run. */
  @Bean
  static SchemaStamp schemaStamp(ResourceLoader resources, ObjectProvider<DataSource> dataSource) {
    return new SchemaStamp(ResourcePatternUtils.getResourcePatternResolver(resources), SchemaStamp.CHANGELOG_FILES,
        dataSource);
  }
}
