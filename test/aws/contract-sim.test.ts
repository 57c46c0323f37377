import { SimAws } from '../../src/aws/sim/sim-aws.js';
import { portsContract } from './support/contract.js';
import { scenario, simTime } from './support/fixtures.js';

portsContract('simulated AWS', async () => {
  const { clock, sleep } = simTime();
  const sim = new SimAws({ clock, sleep, allowActions: true, region: 'eu-west-2' });
  const params = sim.load(scenario);
  const off = new SimAws({ clock, sleep, allowActions: false });
  off.load(scenario);
  return {
    ports: sim.ports(),
    disabledActions: off.ports().actions,
    params,
    setAlarm: async (alarm, state) => void sim.applyInject({ kind: 'alarm', alarm, state }),
    now: () => clock.now(),
  };
});
