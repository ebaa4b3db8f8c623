package mx.org.iecm.pgd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mx.org.iecm.pgd.cycle.BusinessKey;
import mx.org.iecm.pgd.cycle.LifecycleProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Holds an integration test class to the cycles it owns ({@link OwnsCycles}): after the class, every
 * cycle started during it must be one of them.
 */
public final class CycleOwnership implements BeforeAllCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CycleOwnership.class);
  private static final String BEFORE = "cycles before the class";

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put(BEFORE, cycles(context));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    @SuppressWarnings("unchecked")
    Set<String> before = context.getStore(NAMESPACE).get(BEFORE, Set.class);
    Set<String> started = new HashSet<>(cycles(context));
    started.removeAll(before);
    OwnsCycles owned = context.getRequiredTestClass().getAnnotation(OwnsCycles.class);
    List<String> keys = owned == null ? List.of() : Arrays.asList(owned.value());
    Set<Integer> years = new HashSet<>();
    if (owned != null) {
      Arrays.stream(owned.years()).forEach(years::add);
    }
    assertThat(started).as("cycles %s started without owning them (@OwnsCycles)",
        context.getRequiredTestClass().getSimpleName()).allSatisfy(key -> {
          BusinessKey cycle = BusinessKey.parse(key);
          assertThat(years.contains(cycle.year()) || keys.contains(cycle.actionLineId() + ":" + cycle.year()))
              .as("%s owns %s", context.getRequiredTestClass().getSimpleName(), key).isTrue();
        });
  }

  private static Set<String> cycles(ExtensionContext context) {
    HistoryService history = SpringExtension.getApplicationContext(context).getBean(HistoryService.class);
    Set<String> keys = new HashSet<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(LifecycleProcess.KEY).list()) {
      keys.add(instance.getBusinessKey());
    }
    return keys;
  }
}
