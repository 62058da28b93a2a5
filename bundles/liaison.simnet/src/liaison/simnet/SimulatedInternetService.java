package liaison.simnet;

import liaison.api.LiaisonException;

/** Starts simulated Internets from scenario packs (a DS service). */
public interface SimulatedInternetService {

    /**
     * Loads the pack's registries and starts every server.
     *
     * @throws LiaisonException when a port is taken (naming it) or the pack's data cannot be read
     *                          ({@link liaison.api.InputException} naming file and line); nothing keeps
     *                          running then
     */
    SimulatedInternet start(ScenarioPack pack, SimnetOptions options) throws LiaisonException;
}
