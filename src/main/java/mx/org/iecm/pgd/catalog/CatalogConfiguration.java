package mx.org.iecm.pgd.catalog;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

  @Bean
  PlanCatalog planCatalog(CatalogProperties properties, ResourcePatternResolver resources) throws IOException {
    Resource areas = resources.getResource(properties.areas());
    List<Resource> plans = Arrays.stream(resources.getResources(properties.plans()))
        .sorted(Comparator.comparing(CatalogLoader::describe))
        .toList();
    return new CatalogLoader().load(areas, plans);
  }
}
