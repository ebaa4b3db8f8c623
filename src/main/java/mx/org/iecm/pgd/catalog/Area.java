package mx.org.iecm.pgd.catalog;

import java.util.List;

/**
 * An organisational area of the institute (Secretaría, Dirección Ejecutiva, Unidad Técnica…).
 *
 * @param code short lower-case code, used in group ids ({@code <code>-staff}, {@code <code>-head})
 * @param name Spanish name
 * @param kind kind of area
 * @param parent code of the area it belongs to, or {@code null}
 * @param roleGroups institute-wide groups whose members act for this area (the SGCE office's group for
 *     the office of the quality system), besides its own {@code <code>-staff} and {@code <code>-head}
 */
public record Area(String code, String name, AreaKind kind, String parent, List<String> roleGroups) {

  public Area {
    roleGroups = roleGroups == null ? List.of() : List.copyOf(roleGroups);
  }

  public Area(String code, String name, AreaKind kind, String parent) {
    this(code, name, kind, parent, List.of());
  }

  /** Whether the members of {@code group} act for this area: its staff, its head or one of its role groups. */
  public boolean actsThrough(String group) {
    return Groups.staff(code).equals(group) || Groups.head(code).equals(group) || roleGroups.contains(group);
  }
}
