package dev.duijie.match;

import java.time.LocalDate;
import java.util.Set;

/**
 * Restrictions applied to every call; empty sets and {@code null} bounds mean "no restriction". A record matches a
 * set when it has any of the set's values. TRL bounds apply to results' {@code trl} and needs' {@code requiredTrl};
 * date bounds to results' {@code date} and needs' {@code deadline}.
 */
public record Filters(Set<String> industries, Set<String> institutions, Set<String> regions, Integer trlMin,
                      Integer trlMax, Set<String> ipTypes, Set<String> transferModes, LocalDate dateFrom,
                      LocalDate dateTo) {

    /** No restriction. */
    public static final Filters NONE = new Filters(Set.of(), Set.of(), Set.of(), null, null, Set.of(), Set.of(), null, null);

    public Filters {
        industries = Set.copyOf(industries);
        institutions = Set.copyOf(institutions);
        regions = Set.copyOf(regions);
        ipTypes = Set.copyOf(ipTypes);
        transferModes = Set.copyOf(transferModes);
        if (trlMin != null && trlMax != null && trlMin > trlMax) {
            throw new IllegalArgumentException("trlMin " + trlMin + " > trlMax " + trlMax);
        }
        if (dateFrom != null && dateTo != null && dateFrom.isAfter(dateTo)) {
            throw new IllegalArgumentException("dateFrom " + dateFrom + " is after dateTo " + dateTo);
        }
    }

    public Filters withIndustries(String... values) {
        return new Filters(Set.of(values), institutions, regions, trlMin, trlMax, ipTypes, transferModes, dateFrom, dateTo);
    }

    public Filters withInstitutions(String... values) {
        return new Filters(industries, Set.of(values), regions, trlMin, trlMax, ipTypes, transferModes, dateFrom, dateTo);
    }

    public Filters withRegions(String... values) {
        return new Filters(industries, institutions, Set.of(values), trlMin, trlMax, ipTypes, transferModes, dateFrom, dateTo);
    }

    public Filters withTrl(Integer min, Integer max) {
        return new Filters(industries, institutions, regions, min, max, ipTypes, transferModes, dateFrom, dateTo);
    }

    public Filters withIpTypes(String... values) {
        return new Filters(industries, institutions, regions, trlMin, trlMax, Set.of(values), transferModes, dateFrom, dateTo);
    }

    public Filters withTransferModes(String... values) {
        return new Filters(industries, institutions, regions, trlMin, trlMax, ipTypes, Set.of(values), dateFrom, dateTo);
    }

    public Filters withDates(LocalDate from, LocalDate to) {
        return new Filters(industries, institutions, regions, trlMin, trlMax, ipTypes, transferModes, from, to);
    }
}
