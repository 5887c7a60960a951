package org.councilbot.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.councilbot.core.RequestStatus;
import org.councilbot.core.ServiceDesk;
import org.councilbot.core.ServiceRequest;

/**
 * A service desk whose answer tests set: a reference, or an exception to throw. It counts the
 * calls per reference and how many ran at the same time.
 */
final class ScriptedDesk implements ServiceDesk, DeferredReferenceDesk {
    private volatile Function<ServiceRequest, String> behaviour = request -> "C-" + request.reference();
    private volatile Function<String, Optional<String>> tokens = token -> Optional.empty();
    private final Map<String, AtomicInteger> submissions = new ConcurrentHashMap<>();
    private final List<String> tokenLookups = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlightPerRequest = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlightPerRequest = new ConcurrentHashMap<>();
    private volatile long pauseMillis;

    void answer(Function<ServiceRequest, String> behaviour) {
        this.behaviour = behaviour;
    }

    void fail(RuntimeException failure) {
        this.behaviour = request -> {
            throw failure;
        };
    }

    void tokens(Function<String, Optional<String>> tokens) {
        this.tokens = tokens;
    }

    /** Makes each submission take this long, to widen races between nodes. */
    void pause(long millis) {
        this.pauseMillis = millis;
    }

    int submissions(String reference) {
        AtomicInteger count = submissions.get(reference);
        return count == null ? 0 : count.get();
    }

    int totalSubmissions() {
        return submissions.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int mostConcurrentDeliveriesOfOneRequest() {
        return mostInFlightPerRequest.get();
    }

    List<String> tokenLookups() {
        return List.copyOf(tokenLookups);
    }

    @Override
    public String submit(ServiceRequest request) {
        submissions.computeIfAbsent(request.reference(), r -> new AtomicInteger()).incrementAndGet();
        AtomicInteger mine = inFlightPerRequest.computeIfAbsent(request.reference(), r -> new AtomicInteger());
        mostInFlightPerRequest.accumulateAndGet(mine.incrementAndGet(), Math::max);
        inFlight.incrementAndGet();
        try {
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
            return behaviour.apply(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            mine.decrementAndGet();
            inFlight.decrementAndGet();
        }
    }

    @Override
    public Optional<RequestStatus> status(String councilReference) {
        return Optional.empty();
    }

    @Override
    public Optional<String> resolveReference(String receiptToken) {
        tokenLookups.add(receiptToken);
        return tokens.apply(receiptToken);
    }
}
