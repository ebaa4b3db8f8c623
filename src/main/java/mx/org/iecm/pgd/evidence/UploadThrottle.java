package mx.org.iecm.pgd.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Uploads per person in the last minute, so that one person's repeated uploads cannot crowd out the rest. */
@Component
class UploadThrottle {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int perMinute;
  private final Clock clock;
  private final Map<String, Deque<Instant>> recent = new HashMap<>();

  UploadThrottle(EvidenceProperties properties, Clock clock) {
    this.perMinute = properties.uploadsPerMinute();
    this.clock = clock;
  }

  /** Counts an upload by {@code user}; false, counting nothing, when the person has had their share. */
  synchronized boolean admit(String user) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(user, u -> new ArrayDeque<>());
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
      times.removeFirst();
    }
    if (times.size() >= perMinute) {
      return false;
    }
    times.addLast(now);
    // People who stopped uploading leave nothing behind.
    recent.values().removeIf(Deque::isEmpty);
    return true;
  }
}
