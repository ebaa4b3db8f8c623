package mx.org.iecm.pgd.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * A copy of the shipped catalog files in a folder of the test, to be broken one edit at a time.
 */
final class CatalogFiles {

  static final String AREAS = "areas.yaml";
  static final String PLAN = "pgd-2020-2023.yaml";

  private final Path folder;
  private final List<String> planFiles = new ArrayList<>(List.of(PLAN));

  private CatalogFiles(Path folder) {
    this.folder = folder;
  }

  /** The shipped areas file and 2020–2023 plan, copied into {@code folder}. */
  static CatalogFiles shippedIn(Path folder) {
    CatalogFiles files = new CatalogFiles(folder);
    files.write(AREAS, shipped("plan/" + AREAS));
    files.write(PLAN, shipped("plan/" + PLAN));
    return files;
  }

  static String shipped(String classpathLocation) {
    try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the first occurrence of {@code original}, which must be there. */
  CatalogFiles edit(String file, String original, String replacement) {
    String content = read(file);
    assertThat(content).as("text to edit in %s", file).contains(original);
    int at = content.indexOf(original);
    write(file, content.substring(0, at) + replacement + content.substring(at + original.length()));
    return this;
  }

  CatalogFiles addPlan(String file, String content) {
    write(file, content);
    planFiles.add(file);
    return this;
  }

  CatalogFiles withoutPlans() {
    planFiles.clear();
    return this;
  }

  PlanCatalog load() {
    List<Resource> plans = planFiles.stream().<Resource>map(name -> new FileSystemResource(folder.resolve(name))).toList();
    return new CatalogLoader().load(new FileSystemResource(folder.resolve(AREAS)), plans);
  }

  String pathOf(String file) {
    return folder.resolve(file).toString();
  }

  String read(String file) {
    try {
      return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String file, String content) {
    try {
      Files.writeString(folder.resolve(file), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
