package mx.org.iecm.pgd.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The cycles an integration test class starts in the shared database, its own and no other class's:
 * lines and years ({@code "7.1:2021"}) or whole years (a class that reads a year's overview owns the
 * year). {@link CycleOwnership} fails the class when it starts any other cycle, and
 * {@code CycleOwnershipTest} fails when two classes own the same cycle: the classes can run in any order.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnsCycles {

  /** Lines and years, {@code "line:year"}. */
  String[] value() default {};

  /** Whole years. */
  int[] years() default {};
}
