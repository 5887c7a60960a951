package org.councilbot.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.IntakeReceipt;
import org.councilbot.core.IntakeReceipt.DeliveryState;
import org.councilbot.core.ServiceDesk;
import org.councilbot.core.ServiceDeskUnavailableException;
import org.councilbot.core.ServiceRequest;
import org.councilbot.core.ServiceRequestIntake;
import org.councilbot.core.ServiceRequestRejectedException;

/**
 * The durable outbox in front of a {@link ServiceDesk}: a request is stored in the councilbot
 * database before anything is sent, then delivered, retried with backoff and jitter while the
 * council's system is unavailable, and dead-lettered for staff when it refuses the request or
 * the attempts run out.
 *
 * <p>councilbot's reference is the idempotency key: accepting it again returns the stored
 * request's receipt, and every retry sends the same reference. Rows are claimed before each
 * attempt (see {@link OutboxStore}), so several nodes over one database never deliver a request
 * at the same time, and a claim left by a node that stopped mid-delivery is taken over once it
 * expires. Requests stored by a stopped process are delivered by the next one that runs
 * {@link #deliverDue()}, by hand or from {@link #start()}.
 */
public final class DurableServiceRequestIntake implements ServiceRequestIntake, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DurableServiceRequestIntake.class.getName());
    private static final int MAX_REFERENCE_CHARS = 128;
    private static final int BATCH = 20;
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final OutboxStore store;
    private final ServiceDesk desk;
    private final OutboxSettings settings;
    private final Clock clock;
    private final Backoff backoff;
    private final List<ServiceRequestListener> listeners;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final RequestJson json = new RequestJson();
    private ScheduledFuture<?> polling; // guarded by this
    private boolean closed; // guarded by this

    private DurableServiceRequestIntake(Builder builder) {
        this.store = new OutboxStore(builder.database);
        this.desk = builder.desk;
        this.settings = builder.settings;
        this.clock = builder.clock;
        this.backoff = new Backoff(settings.baseDelay(), settings.maxDelay(), builder.random);
        this.listeners = List.copyOf(builder.listeners);
        this.ownsScheduler = builder.scheduler == null;
        this.scheduler = ownsScheduler ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "councilbot-outbox");
            thread.setDaemon(true);
            return thread;
        }) : builder.scheduler;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Stores the request, then makes one delivery attempt on the calling thread (bounded by the
     * service desk's own timeout). Throws {@link CouncilbotException} {@code intake_failed} only
     * when the request could not be stored, so the resident must be told it was not taken.
     */
    @Override
    public IntakeReceipt accept(ServiceRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.reference().isBlank() || request.reference().length() > MAX_REFERENCE_CHARS
                || request.serviceCode().isBlank() || request.serviceCode().length() > MAX_REFERENCE_CHARS) {
            throw new CouncilbotException("invalid_request", "A request needs a reference and a service code of 1-"
                    + MAX_REFERENCE_CHARS + " characters.");
        }
        String payload = json.write(request);
        Instant now = clock.instant();
        String token = newToken();
        if (!store.insertClaimed(request.reference(), request.serviceCode(), payload, now,
                now.plus(settings.claimTimeout()), token)) {
            return find(request.reference()).orElseThrow(() -> new CouncilbotException("intake_failed",
                    "Request " + request.reference() + " is stored but could not be read back."));
        }
        return attempt(new OutboxStore.Claim(request.reference(), token, 1, payload, Optional.empty()), request);
    }

    @Override
    public Optional<IntakeReceipt> find(String reference) {
        Objects.requireNonNull(reference, "reference");
        return store.receipt(reference);
    }

    /**
     * Delivers every request now due, this node's and any a stopped node left behind; returns
     * the number of attempts made. The background deliverer calls it every poll interval; tests
     * call it directly with a controlled clock.
     */
    public int deliverDue() {
        int attempts = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            Instant now = clock.instant();
            List<OutboxStore.Claim> claims = store.claimDue(now, now.plus(settings.claimTimeout()), newToken(), BATCH);
            for (OutboxStore.Claim claim : claims) {
                attemptStored(claim);
                attempts++;
            }
            if (claims.size() < BATCH) {
                break;
            }
        }
        return attempts;
    }

    /** Requests the outbox gave up on, most recent first, for staff. */
    public List<DeadLetter> deadLetters() {
        List<DeadLetter> letters = new ArrayList<>();
        for (OutboxStore.Row row : store.deadLetters()) {
            letters.add(new DeadLetter(read(row.reference(), row.payload()), row.attempts(), row.lastError(),
                    row.createdAt(), row.updatedAt()));
        }
        return List.copyOf(letters);
    }

    /** Staff's "try again" for a dead letter, with a fresh count of attempts; false if it is not dead-lettered. */
    public boolean retry(String reference) {
        Objects.requireNonNull(reference, "reference");
        return store.requeue(reference, clock.instant());
    }

    /** Starts delivering due requests every {@code outbox.poll-interval}, beginning now. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("The outbox deliverer is closed");
        }
        if (polling == null) {
            long interval = settings.pollInterval().toMillis();
            polling = scheduler.scheduleWithFixedDelay(this::deliverQuietly, 0, interval, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops the background deliverer; an attempt under way finishes first when the scheduler is
     * this intake's own. Stored requests stay stored for the next start.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (polling != null) {
            polling.cancel(false);
        }
        if (ownsScheduler) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(settings.claimTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // Thrown out of a scheduled task it would cancel every later run.
            LOG.log(System.Logger.Level.ERROR, "Outbox delivery run failed; trying again in "
                    + settings.pollInterval() + ": " + e.getMessage());
        }
    }

    private void attemptStored(OutboxStore.Claim claim) {
        ServiceRequest request;
        try {
            request = json.read(claim.payload());
        } catch (JsonProcessingException | RuntimeException e) {
            String reason = "The stored request cannot be read (" + e.getClass().getSimpleName() + ")";
            LOG.log(System.Logger.Level.ERROR, "Dead-lettering request " + claim.reference() + ": " + reason);
            recorded(claim.reference(), () -> store.deadLetter(claim, reason, clock.instant()));
            return;
        }
        attempt(claim, request);
    }

    private IntakeReceipt attempt(OutboxStore.Claim claim, ServiceRequest request) {
        String reference = request.reference();
        try {
            String councilReference = deliver(claim, request);
            if (!recorded(reference, () -> store.delivered(claim, councilReference, clock.instant()))) {
                LOG.log(System.Logger.Level.WARNING, "Request " + reference + " was delivered as " + councilReference
                        + " but that was not recorded; it may be delivered again once its claim expires");
            }
            LOG.log(System.Logger.Level.INFO, "Request " + reference + " delivered as " + councilReference
                    + " (attempt " + claim.attempts() + ")");
            listeners.forEach(listener -> tell(listener, reference, () -> listener.delivered(request, councilReference)));
            return new IntakeReceipt(reference, DeliveryState.DELIVERED, Optional.of(councilReference));
        } catch (ReferenceToFollowException e) {
            return failed(claim, request, e.getMessage(), Optional.of(e.receiptToken()));
        } catch (ServiceRequestRejectedException e) {
            return deadLetter(claim, request, e.getMessage());
        } catch (ServiceDeskUnavailableException e) {
            return failed(claim, request, e.getMessage(), Optional.empty());
        } catch (RuntimeException e) {
            // A fault in the desk itself: kept and retried like an outage rather than lost.
            LOG.log(System.Logger.Level.ERROR, "Delivering request " + reference + " failed unexpectedly", e);
            return failed(claim, request, "Unexpected failure (" + e.getClass().getSimpleName() + "): "
                    + e.getMessage(), Optional.empty());
        }
    }

    /** Sends the request, or for one the council already took, asks for the reference it promised. */
    private String deliver(OutboxStore.Claim claim, ServiceRequest request) {
        if (claim.receiptToken().isPresent() && desk instanceof DeferredReferenceDesk deferred) {
            String token = claim.receiptToken().get();
            return deferred.resolveReference(token).orElseThrow(() -> new ServiceDeskUnavailableException(
                    "The council accepted the request under token " + token + " and has not given its reference yet."));
        }
        String councilReference = desk.submit(request);
        if (councilReference == null || councilReference.isBlank()) {
            throw new ServiceDeskUnavailableException("The service desk returned no reference for the request.");
        }
        return councilReference;
    }

    private IntakeReceipt failed(OutboxStore.Claim claim, ServiceRequest request, String error,
                                 Optional<String> receiptToken) {
        if (claim.attempts() >= settings.maxAttempts()) {
            return deadLetter(claim, request, "Gave up after " + claim.attempts() + " attempts: " + error);
        }
        Instant now = clock.instant();
        Duration wait = backoff.delay(claim.attempts());
        Instant next = now.plus(wait);
        recorded(request.reference(), () -> store.retryLater(claim, error, next, receiptToken, now));
        LOG.log(System.Logger.Level.WARNING, "Request " + request.reference() + " not delivered (attempt "
                + claim.attempts() + " of " + settings.maxAttempts() + "); next attempt at " + next + ": " + error);
        return new IntakeReceipt(request.reference(), DeliveryState.PENDING, Optional.empty());
    }

    private IntakeReceipt deadLetter(OutboxStore.Claim claim, ServiceRequest request, String reason) {
        recorded(request.reference(), () -> store.deadLetter(claim, reason, clock.instant()));
        LOG.log(System.Logger.Level.ERROR, "Request " + request.reference() + " dead-lettered for staff: " + reason);
        listeners.forEach(listener -> tell(listener, request.reference(), () -> listener.deadLettered(request, reason)));
        return new IntakeReceipt(request.reference(), DeliveryState.DEAD_LETTERED, Optional.empty());
    }

    /**
     * Writes an outcome. The request is already stored, so a database failure here must not be
     * reported as a lost request: the row keeps its claim, and once that expires it is tried again.
     */
    private static boolean recorded(String reference, BooleanSupplier write) {
        try {
            return write.getAsBoolean();
        } catch (CouncilbotException e) {
            LOG.log(System.Logger.Level.ERROR, "Could not record the outcome of request " + reference
                    + "; it stays stored and is tried again when its claim expires: " + e.getMessage());
            return false;
        }
    }

    private static void tell(ServiceRequestListener listener, String reference, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Listener " + listener.getClass().getSimpleName()
                    + " failed for request " + reference + "; the request is unaffected: " + e);
        }
    }

    private ServiceRequest read(String reference, String payload) {
        try {
            return json.read(payload);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new CouncilbotException("store_failed", "The stored request " + reference + " cannot be read ("
                    + e.getClass().getSimpleName() + ").");
        }
    }

    private static String newToken() {
        return UUID.randomUUID().toString();
    }

    /** Builds an intake; database, service desk and settings are required. */
    public static final class Builder {
        private CouncilDatabase database;
        private ServiceDesk desk;
        private OutboxSettings settings;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = new java.util.Random();
        private ScheduledExecutorService scheduler;
        private final List<ServiceRequestListener> listeners = new ArrayList<>();

        private Builder() {
        }

        public Builder database(CouncilDatabase database) {
            this.database = Objects.requireNonNull(database, "database");
            return this;
        }

        public Builder serviceDesk(ServiceDesk desk) {
            this.desk = Objects.requireNonNull(desk, "serviceDesk");
            return this;
        }

        public Builder settings(OutboxSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The time for due dates and backoff; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of backoff jitter. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Runs the background deliverer; by default the intake starts (and closes) a thread of its own. */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        public Builder listener(ServiceRequestListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public DurableServiceRequestIntake build() {
            if (database == null || desk == null || settings == null) {
                throw new IllegalStateException("An intake needs a database, a service desk and outbox settings");
            }
            return new DurableServiceRequestIntake(this);
        }
    }
}
