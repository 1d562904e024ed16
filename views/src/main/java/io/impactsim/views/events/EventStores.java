package io.impactsim.views.events;

/**
 * Names of the event pass's stores.
 *
 * @param contracts every report of each contract, keyed by contract
 * @param earnings each company's recent quarterly reports, keyed by company
 * @param restructurings event ids of the restructurings applied
 * @param pending the changes computed and not yet sent, keyed by target
 */
public record EventStores(
    String contracts, String earnings, String restructurings, String pending) {}
