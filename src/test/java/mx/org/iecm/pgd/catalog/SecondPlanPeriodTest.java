package mx.org.iecm.pgd.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A new plan period is one more file in the plans folder; the configuration's pattern picks it up.
 */
class SecondPlanPeriodTest {

  @Test
  void secondPlanFileIsLoadedBesideTheFirst(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("areas.yaml"), CatalogFiles.shipped("plan/areas.yaml"));
    Files.writeString(folder.resolve("pgd-2020-2023.yaml"), CatalogFiles.shipped("plan/pgd-2020-2023.yaml"));
    Files.writeString(folder.resolve("pgd-2024-2027.yaml"), CatalogFiles.shipped("catalog-fixtures/pgd-2024-2027.yaml"));

    PlanCatalog catalog = new CatalogConfiguration().planCatalog(
        new CatalogProperties("file:" + folder.resolve("areas.yaml"), "file:" + folder + "/pgd-*.yaml"),
        new PathMatchingResourcePatternResolver());

    assertThat(catalog.plans()).extracting(Plan::code).containsExactly("PGD-2020-2023", "PGD-2024-2027");
    assertThat(catalog.planInForce(Year.of(2022)).code()).isEqualTo("PGD-2020-2023");
    assertThat(catalog.planInForce(Year.of(2025)).code()).isEqualTo("PGD-2024-2027");
    assertThat(catalog.yearToFollow(Year.of(2025))).isEqualTo(2025);
    assertThat(catalog.yearToFollow(Year.of(2030))).isEqualTo(2027);
    ActionLine line = catalog.plan("PGD-2024-2027").orElseThrow().actionLine("1.2").orElseThrow();
    assertThat(line.reportingFrequency()).isEqualTo(ReportingFrequency.ANNUAL);
    assertThat(line.reviewers()).containsExactly(Groups.SGCE_OFFICE, Groups.head("sa"));
    assertThat(line.planningReviewers()).containsExactly(Groups.staff("sa"));
    assertThat(catalog.plan("PGD-2024-2027").orElseThrow().actionLine("1.1").orElseThrow().reportingFrequency())
        .isEqualTo(ReportingFrequency.SEMIANNUAL);
  }

  @Test
  void plansWhosePeriodsShareAYearAreRefusedNamingBothFiles(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("areas.yaml"), CatalogFiles.shipped("plan/areas.yaml"));
    Files.writeString(folder.resolve("pgd-2020-2023.yaml"), CatalogFiles.shipped("plan/pgd-2020-2023.yaml"));
    Files.writeString(folder.resolve("pgd-2023-2026.yaml"), CatalogFiles.shipped("catalog-fixtures/pgd-2024-2027.yaml")
        .replace("code: PGD-2024-2027", "code: PGD-2023-2026").replace("from: 2024", "from: 2023")
        .replace("to: 2027", "to: 2026"));

    assertThatThrownBy(() -> new CatalogConfiguration().planCatalog(
        new CatalogProperties("file:" + folder.resolve("areas.yaml"), "file:" + folder + "/pgd-*.yaml"),
        new PathMatchingResourcePatternResolver()))
        .isInstanceOfSatisfying(InvalidCatalogException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(problem -> {
              assertThat(problem.file()).endsWith("pgd-2023-2026.yaml");
              assertThat(problem.entry()).isEqualTo("plan «PGD-2023-2026»");
              assertThat(problem.message()).startsWith("su periodo 2023–2026 comparte años con el del plan"
                  + " «PGD-2020-2023» (2020–2023) de ").contains("pgd-2020-2023.yaml")
                  .endsWith(": cada año pertenece a un solo plan");
            }));
  }
}
