package mx.org.iecm.pgd.startup;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for the database schema: Liquibase creates or upgrades Camunda's
 * tables and ours first, and the engine itself never changes the schema.
 */
class ProcessEngineDependsOnSchema implements DependsOnDatabaseInitializationDetector {

  @Override
  public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
    Set<String> names = new LinkedHashSet<>();
    for (Class<?> type : List.of(ProcessEngine.class, ProcessEngineConfiguration.class)) {
      names.addAll(List.of(beanFactory.getBeanNamesForType(type, true, false)));
    }
    return names;
  }
}
