package mx.org.iecm.pgd.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The canonical serialisation of a cycle's record that the integrity seal covers: every record keyed
 * by a stable reference, fields in a fixed order, so that the same history always gives the same text
 * and digest. Process end times are left out: the engine sets them after the closure is signed.
 */
final class CanonicalRecord {

  static final String ALGORITHM = "SHA-256";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private CanonicalRecord() {
  }

  /** Records by reference ("tarea:…", "variable:…"), each a JSON object with its sealed fields. */
  static Map<String, ObjectNode> records(CaseHistory history) {
    Map<String, ObjectNode> records = new TreeMap<>();
    for (HistoricProcessInstance instance : history.instances()) {
      records.put("proceso:" + instance.getId(), JSON.createObjectNode()
          .put("definicion", instance.getProcessDefinitionKey())
          .put("claveNegocio", instance.getBusinessKey())
          .put("superproceso", instance.getSuperProcessInstanceId())
          .put("inicio", time(instance.getStartTime()))
          .put("iniciadoPor", instance.getStartUserId()));
    }
    for (HistoricTaskInstance task : history.tasks()) {
      records.put("tarea:" + task.getId(), JSON.createObjectNode()
          .put("proceso", task.getProcessInstanceId())
          .put("clave", task.getTaskDefinitionKey())
          .put("nombre", task.getName())
          .put("asignada", task.getAssignee())
          .put("propietario", task.getOwner())
          .put("creada", time(task.getStartTime()))
          .put("vence", time(task.getDueDate()))
          .put("terminada", time(task.getEndTime()))
          .put("motivoBorrado", task.getDeleteReason()));
    }
    for (HistoricVariableInstance variable : history.variables()) {
      records.put("variable:" + variable.getProcessInstanceId() + ":" + variable.getName() + ":" + variable.getId(),
          JSON.createObjectNode()
              .put("tipo", variable.getTypeName())
              .put("valor", valueText(variable)));
    }
    for (CaseJournal.Entry entry : history.journal()) {
      records.put("bitacora:" + String.format("%012d", entry.id()), JSON.createObjectNode()
          .put("tipo", entry.kind())
          .put("proceso", entry.processInstanceId())
          .put("tarea", entry.taskKey())
          .put("persona", entry.actor())
          .put("decision", entry.decision())
          .put("comentarios", entry.comments())
          .put("preparo", entry.preparedBy())
          .put("valores", entry.formValues())
          .put("registrada", entry.recordedAt().toString()));
    }
    history.versions().forEach(version -> records.put("version:" + version.version(), JSON.createObjectNode()
        .put("contenido", version.content())
        .put("motivo", version.reason())
        .put("aprobo", version.approvedBy())
        .put("aprobada", version.approvedAt().toString())));
    int position = 0;
    for (var lesson : history.lessons()) {
      records.put("leccion:" + String.format("%04d", position++), JSON.createObjectNode()
          .put("categoria", lesson.category())
          .put("leccion", lesson.lesson())
          .put("registro", lesson.recordedBy())
          .put("registrada", lesson.recordedAt().toString()));
    }
    // Each evidence file by its metadata and the SHA-256 of its bytes as uploaded; verification also
    // checks the bytes stored now against that hash (CaseSeals).
    for (var file : history.evidence()) {
      records.put("archivo:" + file.id(), JSON.createObjectNode()
          .put("tarea", file.taskId())
          .put("clave", file.taskKey())
          .put("nombre", file.fileName())
          .put("tipo", file.mediaType())
          .put("bytes", file.size())
          .put("sha256", file.sha256())
          .put("adjunto", file.uploadedBy())
          .put("adjuntado", file.uploadedAt().toString()));
    }
    return records;
  }

  static String text(Map<String, ObjectNode> records) {
    ObjectNode root = JSON.createObjectNode();
    records.forEach(root::set);
    try {
      return JSON.writeValueAsString(JSON.treeToValue(root, TreeMap.class));
    } catch (Exception e) {
      throw new IllegalStateException("Could not serialise the case record", e);
    }
  }

  static Map<String, ObjectNode> parse(String text) {
    Map<String, ObjectNode> records = new LinkedHashMap<>();
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(text);
      Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = root.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        records.put(field.getKey(), (ObjectNode) field.getValue());
      }
    } catch (Exception e) {
      throw new IllegalStateException("Stored case record is not readable", e);
    }
    return records;
  }

  static String digest(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(ALGORITHM).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A variable's value as text: plain values as they are, serialised objects and JSON by their stored
   * form when the engine read it inline (large ones live in the engine's byte-array table).
   */
  static String valueText(HistoricVariableInstance variable) {
    TypedValue typed;
    try {
      typed = variable.getTypedValue();
    } catch (RuntimeException e) {
      return null;
    }
    if (typed == null) {
      return null;
    }
    if (typed instanceof SerializableValue serializable) {
      return serializable.getValueSerialized();
    }
    return typed.getValue() == null ? null : String.valueOf(typed.getValue());
  }

  private static String time(Date date) {
    return date == null ? null : date.toInstant().toString();
  }
}
