package mx.org.iecm.pgd.cycle;

import java.util.List;

/**
 * What a start request did: the cycles it started and those that already existed (never started twice).
 */
public record CycleStartResult(String planCode, int year, List<String> started, List<String> existing) {
}
