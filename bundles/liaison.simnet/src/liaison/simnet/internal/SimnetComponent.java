package liaison.simnet.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import liaison.api.LiaisonException;
import liaison.constituency.ConstituencyService;
import liaison.simnet.ScenarioPack;
import liaison.simnet.SimnetOptions;
import liaison.simnet.SimulatedInternet;
import liaison.simnet.SimulatedInternetService;
import liaison.whoisd.WhoisServerService;

/** Starts simulated Internets: RPSL registries through the constituency index and liaison.whoisd, the rest replayed. */
@Component(service = SimulatedInternetService.class)
public class SimnetComponent implements SimulatedInternetService {

    private final ConstituencyService constituency;
    private final WhoisServerService whoisd;

    @Activate
    public SimnetComponent(@Reference ConstituencyService constituency, @Reference WhoisServerService whoisd) {
        this.constituency = constituency;
        this.whoisd = whoisd;
    }

    @Override
    public SimulatedInternet start(ScenarioPack pack, SimnetOptions options) throws LiaisonException {
        return RunningSimnet.start(pack, options, constituency, whoisd);
    }
}
