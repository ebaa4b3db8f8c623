package mx.org.iecm.pgd.catalog;

/**
 * An organisational area of the institute (Secretaría, Dirección Ejecutiva, Unidad Técnica…).
 *
 * @param code short lower-case code, used in group ids ({@code <code>-staff}, {@code <code>-head})
 * @param name Spanish name
 * @param kind kind of area
 * @param parent code of the area it belongs to, or {@code null}
 */
public record Area(String code, String name, AreaKind kind, String parent) {
}
