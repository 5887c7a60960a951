package org.councilbot.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real in-memory intake for engine tests: stores requests and delivers them straight away. */
final class RecordingIntake implements ServiceRequestIntake {
    private final Map<String, IntakeReceipt> receipts = new LinkedHashMap<>();
    final List<ServiceRequest> accepted = new ArrayList<>();
    boolean councilDown;

    @Override
    public synchronized IntakeReceipt accept(ServiceRequest request) {
        IntakeReceipt existing = receipts.get(request.reference());
        if (existing != null) {
            return existing;
        }
        accepted.add(request);
        IntakeReceipt receipt = councilDown
                ? new IntakeReceipt(request.reference(), IntakeReceipt.DeliveryState.PENDING, Optional.empty())
                : new IntakeReceipt(request.reference(), IntakeReceipt.DeliveryState.DELIVERED,
                        Optional.of("TS-" + (1000 + accepted.size())));
        receipts.put(request.reference(), receipt);
        return receipt;
    }

    @Override
    public synchronized Optional<IntakeReceipt> find(String reference) {
        return Optional.ofNullable(receipts.get(reference));
    }
}
