package mx.org.iecm.pgd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * No two integration test classes own the same cycle (line and year, or a whole year), so that they
 * share one database and can run in any order.
 */
class CycleOwnershipTest {

  @Test
  void noTwoTestClassesOwnTheSameCycle() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(OwnsCycles.class));
    Map<String, String> ownerOfKey = new HashMap<>();
    Map<Integer, String> ownerOfYear = new HashMap<>();
    List<String> conflicts = new ArrayList<>();
    List<Class<?>> owners = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("mx.org.iecm.pgd")) {
      owners.add(Class.forName(candidate.getBeanClassName()));
    }
    for (Class<?> owner : owners) {
      OwnsCycles owned = owner.getAnnotation(OwnsCycles.class);
      for (int year : owned.years()) {
        String previous = ownerOfYear.put(year, owner.getSimpleName());
        if (previous != null) {
          conflicts.add(year + ": " + previous + " and " + owner.getSimpleName());
        }
      }
    }
    for (Class<?> owner : owners) {
      for (String key : owner.getAnnotation(OwnsCycles.class).value()) {
        String previous = ownerOfKey.put(key, owner.getSimpleName());
        String yearOwner = ownerOfYear.get(Integer.parseInt(key.substring(key.indexOf(':') + 1)));
        if (previous != null) {
          conflicts.add(key + ": " + previous + " and " + owner.getSimpleName());
        }
        if (yearOwner != null && !yearOwner.equals(owner.getSimpleName())) {
          conflicts.add(key + ": " + owner.getSimpleName() + ", in the year " + yearOwner + " owns");
        }
      }
    }
    assertThat(owners).as("classes that own cycles").hasSizeGreaterThanOrEqualTo(8);
    assertThat(conflicts).as("cycles owned twice").isEmpty();
  }
}
