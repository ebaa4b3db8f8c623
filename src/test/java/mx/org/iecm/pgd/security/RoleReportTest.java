package mx.org.iecm.pgd.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mx.org.iecm.pgd.support.ProcessBeans;
import mx.org.iecm.pgd.web.EngineApiPolicy;
import org.junit.jupiter.api.Test;

/**
 * The README's role tables are the ones the authorizations are created from and the engine APIs'
 * filter decides by: they cannot drift apart.
 */
class RoleReportTest {

  @Test
  void readmeListsEachRoleAsTheAccessPolicyGrantsIt() throws IOException {
    String readme = Files.readString(Path.of("README.md"));

    assertThat(readme).contains(AccessPolicy.markdownTable(ProcessBeans.CATALOG));
  }

  @Test
  void readmeListsWhatEachRoleMayAskOfTheEngineApisAsTheFilterDecidesIt() throws IOException {
    String readme = Files.readString(Path.of("README.md"));

    assertThat(readme).contains(EngineApiPolicy.markdownTable());
  }

  @Test
  void everyAreaGroupAndRoleGroupHasGrants() {
    var grants = AccessPolicy.grants(ProcessBeans.CATALOG);
    for (var area : ProcessBeans.CATALOG.areas()) {
      assertThat(grants).anyMatch(grant -> grant.group().equals(area.code() + "-staff"));
      assertThat(grants).anyMatch(grant -> grant.group().equals(area.code() + "-head"));
    }
    assertThat(grants).extracting(AccessPolicy.Grant::group)
        .contains("sgce-office", "managers", "auditors", "camunda-admin");
    assertThat(grants).filteredOn(grant -> grant.group().equals("auditors"))
        .allSatisfy(grant -> assertThat(grant.permissions()).extracting(Object::toString)
            .allMatch(name -> name.startsWith("READ") || name.equals("ACCESS")));
  }
}
