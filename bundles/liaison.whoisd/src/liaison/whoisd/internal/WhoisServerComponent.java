package liaison.whoisd.internal;

import org.osgi.service.component.annotations.Component;

import liaison.api.LiaisonException;
import liaison.constituency.ConstituencyIndex;
import liaison.whoisd.WhoisServerConfig;
import liaison.whoisd.WhoisServerService;

/** Starts {@link Server}s. */
@Component(service = WhoisServerService.class)
public class WhoisServerComponent implements WhoisServerService {

    @Override
    public RunningServer start(ConstituencyIndex index, WhoisServerConfig config) throws LiaisonException {
        return new Server(index, config);
    }
}
