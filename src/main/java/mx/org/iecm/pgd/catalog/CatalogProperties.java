package mx.org.iecm.pgd.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the catalog files are.
 *
 * @param areas location of the areas file
 * @param plans location pattern of the plan files; every matching file is one plan period
 */
@ConfigurationProperties("pgd.catalog")
public record CatalogProperties(String areas, String plans) {
}
