package mx.org.iecm.pgd.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets Liquibase check the schema only when its changelog changed since it last brought this database
 * up to date. Reading the unchanged changelog (Camunda's, with every upgrade it ships, and ours) took
 * about two seconds of every start (BENCHMARKS.md §12). After Liquibase has run, the changelog's
 * fingerprint — SHA-256 over every changelog file, with the contexts and labels it ran with — is stored
 * in {@code pgd_schema_stamp}; a start that finds its fingerprint there tells Liquibase not to run. Any
 * changed file (a new Camunda version, a table of ours) gives another fingerprint, so Liquibase runs as
 * before; the process engine still checks at start that the schema is the one of its version.
 */
final class SchemaStamp implements BeanPostProcessor {

  /** Every file the application's changelog is made of: ours, and Camunda's inside camunda-engine. */
  static final List<String> CHANGELOG_FILES =
      List.of("db/changelog/", "org/camunda/bpm/engine/db/liquibase/");

  private static final Logger LOG = LoggerFactory.getLogger(SchemaStamp.class);

  private final ResourcePatternResolver resources;
  private final List<String> folders;
  private final ObjectProvider<DataSource> dataSource;
  /** The fingerprint of each Liquibase bean about to run, stored once it ran. */
  private final Map<String, String> running = new ConcurrentHashMap<>();

  /**
   * @param folders class path folders holding the changelog files, each ending in {@code /}
   * @param dataSource the application's database, where the stamp is kept
   */
  SchemaStamp(ResourcePatternResolver resources, List<String> folders, ObjectProvider<DataSource> dataSource) {
    this.resources = resources;
    this.folders = List.copyOf(folders);
    this.dataSource = dataSource;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof SpringLiquibase liquibase) {
      String fingerprint = fingerprint(liquibase);
      if (fingerprint == null) {
        LOG.warn("The changelog {} is not among the files found in {}: Liquibase runs on every start",
            liquibase.getChangeLog(), folders);
      } else if (!liquibase.isDropFirst() && stamped(fingerprint)) {
        LOG.info("Database schema already at this changelog ({}): Liquibase not run", fingerprint);
        liquibase.setShouldRun(false);
      } else {
        running.put(beanName, fingerprint);
      }
    }
    return bean;
  }

  /** Runs once Liquibase has run without an error (a failure stops the start before this). */
  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    String fingerprint = bean instanceof SpringLiquibase ? running.remove(beanName) : null;
    if (fingerprint != null) {
      stamp(fingerprint);
    }
    return bean;
  }

  /**
   * SHA-256 of every changelog file (by its path in its folder, so the same on every machine); null when
   * the files cannot be listed as expected (the changelog itself is not among them), so that nothing is
   * ever skipped on a fingerprint that does not cover the changelog.
   */
  String fingerprint(SpringLiquibase liquibase) {
    Map<String, Resource> files = new TreeMap<>();
    for (String folder : folders) {
      try {
        String pattern = ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + folder + "**";
        for (Resource file : resources.getResources(pattern)) {
          String url = file.getURL().toString();
          if (file.isReadable() && !url.endsWith("/")) {
            files.put(url.substring(url.lastIndexOf(folder)), file);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the changelog files in " + folder, e);
      }
    }
    String changelog = String.valueOf(liquibase.getChangeLog()).replaceFirst("^classpath\\*?:/?", "");
    if (!files.containsKey(changelog)) {
      return null;
    }
    MessageDigest sha = sha256();
    update(sha, "contexts=" + liquibase.getContexts() + "; labels=" + liquibase.getLabelFilter());
    for (Map.Entry<String, Resource> file : files.entrySet()) {
      update(sha, file.getKey());
      try (InputStream in = file.getValue().getInputStream()) {
        sha.update(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the changelog file " + file.getKey(), e);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Whether the database holds the fingerprint; a database without the table (new, or older) does not. */
  private boolean stamped(String fingerprint) {
    JdbcTemplate db = new JdbcTemplate(dataSource.getObject());
    try {
      return Boolean.TRUE.equals(db.execute(SchemaStamp::hasTable)) && db.queryForObject(
          "select count(*) from pgd_schema_stamp where fingerprint = ?", Long.class, fingerprint) > 0;
    } catch (DataAccessException e) {
      LOG.debug("No schema stamp to read ({}): Liquibase runs", e.getMessage());
      return false;
    }
  }

  /** Asked first, so that the database's log shows no error for a table that is not there yet. */
  private static boolean hasTable(Connection connection) throws SQLException {
    DatabaseMetaData database = connection.getMetaData();
    String table = database.storesUpperCaseIdentifiers() ? "PGD_SCHEMA_STAMP" : "pgd_schema_stamp";
    try (ResultSet tables = database.getTables(null, null, table, new String[] {"TABLE"})) {
      return tables.next();
    }
  }

  private void stamp(String fingerprint) {
    try {
      new JdbcTemplate(dataSource.getObject()).update("insert into pgd_schema_stamp (fingerprint, stamped_at) "
          + "select ?, ? where not exists (select 1 from pgd_schema_stamp where fingerprint = ?)",
          fingerprint, Timestamp.from(Instant.now()), fingerprint);
    } catch (DataAccessException e) {
      // Another node stamped the same changelog at the same moment, or the role may not write here:
      // the next start runs Liquibase again, which changes nothing.
      LOG.warn("Could not store the schema stamp {}: {}", fingerprint, e.getMessage());
    }
  }

  private static void update(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
