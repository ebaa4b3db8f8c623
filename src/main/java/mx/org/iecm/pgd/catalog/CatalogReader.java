package mx.org.iecm.pgd.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * Reads catalog YAML files into {@link CatalogDocuments}; syntax and shape errors become problems.
 */
final class CatalogReader {

  private final ObjectMapper mapper;

  CatalogReader() {
    mapper = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    // "1.10" written without quotes would silently become 1.1: numbers as text must be quoted.
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
  }

  <T> Optional<T> read(Resource resource, String file, Class<T> type, List<CatalogProblem> problems) {
    if (!resource.exists()) {
      problems.add(new CatalogProblem(file, "archivo", "no existe o no se puede leer"));
      return Optional.empty();
    }
    try (InputStream in = resource.getInputStream()) {
      T document = mapper.readValue(in, type);
      if (document == null) {
        problems.add(new CatalogProblem(file, "archivo", "está vacío"));
      }
      return Optional.ofNullable(document);
    } catch (UnrecognizedPropertyException e) {
      problems.add(new CatalogProblem(file, where(e.getLocation()),
          "campo desconocido «" + e.getPropertyName() + "»; se esperaba uno de " + e.getKnownPropertyIds()));
    } catch (InvalidFormatException e) {
      String hint = e.getValue() instanceof Number
          ? ": los números de política, programa, objetivo y línea van entre comillas, por ejemplo \"1.10\""
          : "";
      problems.add(new CatalogProblem(file, where(e.getLocation()),
          "valor no válido «" + e.getValue() + "» en «" + fieldPath(e) + "»" + hint));
    } catch (MismatchedInputException e) {
      problems.add(new CatalogProblem(file, where(e.getLocation()),
          "forma no válida en «" + fieldPath(e) + "»: se esperaba " + expected(e)));
    } catch (JsonProcessingException e) {
      problems.add(new CatalogProblem(file, where(e.getLocation()), "YAML mal formado: " + e.getOriginalMessage()));
    } catch (IOException e) {
      problems.add(new CatalogProblem(file, "archivo", "no se pudo leer: " + e.getMessage()));
    }
    return Optional.empty();
  }

  private static String fieldPath(MismatchedInputException e) {
    StringBuilder path = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex() + 1).append(']');
      }
    }
    return path.toString();
  }

  private static String expected(MismatchedInputException e) {
    Class<?> target = e.getTargetType();
    if (target == null) {
      return "otro tipo de valor";
    }
    if (Collection.class.isAssignableFrom(target)) {
      return "una lista";
    }
    if (target == String.class) {
      return "un texto";
    }
    if (target == Integer.class || target == int.class) {
      return "un número entero";
    }
    return "una sección con campos";
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "archivo";
    }
    return "línea " + location.getLineNr() + " del archivo";
  }
}
