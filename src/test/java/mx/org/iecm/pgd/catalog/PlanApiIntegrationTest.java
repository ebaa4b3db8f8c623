package mx.org.iecm.pgd.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import mx.org.iecm.pgd.support.PgdIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@PgdIntegrationTest
class PlanApiIntegrationTest {

  @Autowired
  TestRestTemplate rest;

  private TestRestTemplate staff() {
    return rest.withBasicAuth("deoeyg-staff1", "demo");
  }

  @Test
  void anonymousCallerGetsUnauthorizedWithABasicChallenge() {
    ResponseEntity<JsonNode> response = rest.getForEntity("/api/plan", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic realm=");
    assertThat(response.getBody().get("detail").asText()).startsWith("Se requiere iniciar sesión");
  }

  @Test
  void wrongPasswordGetsUnauthorized() {
    assertThat(rest.withBasicAuth("ci-staff2", "otra").getForEntity("/api/plan", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void planTreeHasPoliciesProgramsAndLinesWithObjectivesAndAreas() {
    JsonNode plan = staff().getForObject("/api/plan", JsonNode.class);

    assertThat(plan.get("code").asText()).isEqualTo("PGD-2020-2023");
    assertThat(plan.at("/period/from").asInt()).isEqualTo(2020);
    assertThat(plan.at("/period/to").asInt()).isEqualTo(2023);
    assertThat(plan.get("policies")).hasSize(6);
    int lines = 0;
    for (JsonNode policy : plan.get("policies")) {
      for (JsonNode program : policy.get("programs")) {
        lines += program.get("actionLines").size();
      }
    }
    assertThat(lines).isEqualTo(39);

    JsonNode policy2 = plan.get("policies").get(1);
    assertThat(policy2.get("text").asText()).isEqualTo("De deliberación y participación ciudadana.");
    JsonNode program3 = policy2.get("programs").get(0);
    assertThat(program3.get("number").asText()).isEqualTo("3");
    JsonNode line34 = program3.get("actionLines").get(3);
    assertThat(line34.get("id").asText()).isEqualTo("3.4");
    assertThat(line34.at("/objective/number").asText()).isEqualTo("4");
    assertThat(line34.get("text").asText())
        .isEqualTo("Fortalecer la infraestructura de los órganos desconcentrados para el fomento de la deliberación y la participación.");
    assertThat(line34.at("/responsibleArea/code").asText()).isEqualTo("utalaod");
    assertThat(line34.at("/responsibleArea/name").asText())
        .isEqualTo("Unidad Técnica de Archivo, Logística y Apoyo a Órganos Desconcentrados");

    JsonNode objective5 = plan.get("objectives").get(4);
    assertThat(objective5.get("number").asText()).isEqualTo("5");
    assertThat(objective5.get("programs")).extracting(JsonNode::asText).containsExactly("4", "5", "6");
  }

  @Test
  void oneLineCarriesItsFootnoteAreasFrequencyAndReviewers() {
    JsonNode line = staff().getForObject("/api/plan/action-lines/12.5", JsonNode.class);

    assertThat(line.get("planCode").asText()).isEqualTo("PGD-2020-2023");
    assertThat(line.at("/objective/number").asText()).isEqualTo("9");
    assertThat(line.get("footnote").asText()).startsWith("Acorde con la Resolución dictada en el expediente SUP-JDC-352/2018");
    assertThat(line.get("coResponsibleAreas")).extracting(area -> area.get("code").asText())
        .containsExactly("utvoe", "utaj");
    assertThat(line.get("reportingFrequency").asText()).isEqualTo("quarterly");
    assertThat(line.get("reviewers")).extracting(JsonNode::asText).containsExactly("sgce-office");
    assertThat(line.get("planningReviewers")).extracting(JsonNode::asText).containsExactly("dprf-staff");
    assertThat(line.get("assignment").asText()).isEqualTo("proposed");
  }

  @Test
  void lineWithAnErratumShowsBothTexts() {
    JsonNode line = staff().getForObject("/api/plan/action-lines/1.2", JsonNode.class);

    assertThat(line.get("text").asText()).contains("elecciones aprendidas");
    assertThat(line.get("correctedText").asText()).contains("capitalizar las lecciones aprendidas");
    assertThat(line.at("/errata/0/original").asText()).isEqualTo("elecciones aprendidas");
  }

  @Test
  void unknownLineGetsNotFoundWithASpanishProblem() {
    ResponseEntity<JsonNode> response = staff().getForEntity("/api/plan/action-lines/13.1", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("detail").asText())
        .isEqualTo("La línea de acción «13.1» no existe en el plan PGD-2020-2023.");
  }

  @Test
  void unknownPlanGetsNotFound() {
    ResponseEntity<JsonNode> response = staff().getForEntity("/api/plan?code=PGD-1999", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody().get("detail").asText()).isEqualTo("El plan «PGD-1999» no existe.");
  }

  @Test
  void plansAreListedWithTheirPeriod() {
    JsonNode plans = staff().getForObject("/api/plans", JsonNode.class);

    assertThat(plans).hasSize(1);
    assertThat(plans.get(0).get("code").asText()).isEqualTo("PGD-2020-2023");
    assertThat(plans.get(0).get("actionLines").asInt()).isEqualTo(39);
  }

  @Test
  void engineRestNeedsCredentialsAndAcceptsCamundaUsers() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> groups = rest.withBasicAuth("admin", "demo")
        .getForEntity("/engine-rest/group?id=sgce-office", JsonNode.class);
    assertThat(groups.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(groups.getBody().get(0).get("name").asText()).isEqualTo("Oficina del SGCE");
  }
}
