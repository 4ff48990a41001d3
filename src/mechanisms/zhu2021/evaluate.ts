/**
 * Every exact quantity of one zhu2021 instance (for `mechcheck eval`): per date the efficient
 * investment, the bundles Aⁿ_t and values v(Aⁿ_t, μⁿ_t); the unlinked and linked VCG transfers
 * (with each linked minimum and its minimizer); contributions Sⁿ, surplus S, cost C and payoffs Uⁿ,
 * taking the reports as the true endowments.
 */
import { Q } from "../../exact/rational.js";
import { contributions, dateValues, efficientSurplus } from "../../models/zhu2021/payoffs.js";
import { betaPow, column, inTypeSpace, type Profile, type RepeatedModel } from "../../models/zhu2021/repeated.js";
import { retract } from "../../typespace/zhu2021-retraction.js";
import { allocateDate, type Order } from "./allocation.js";
import { linkedTransferDetails } from "./linked.js";
import { unlinkedTransfers } from "./vcg.js";

const s = (x: Q) => x.toString();
const v = (xs: readonly Q[]) => xs.map(s);

export function evaluateRepeated(model: RepeatedModel, reports: Profile, order: Order) {
  const inside = inTypeSpace(model, reports);
  const retracted = retract(model, reports);
  const dates = Array.from({ length: model.T }, (_, t) => {
    const a = allocateDate(model.econ, column(retracted, t), order);
    return { a };
  });
  const allocs = dates.map((d) => d.a);
  const values = dateValues(model, allocs, reports);
  const S = contributions(model, values);
  const surplus = S.reduce((x, y) => x.add(y), Q.ZERO);
  const uW = unlinkedTransfers(model, reports, order);
  const linked = linkedTransferDetails(model, reports, order);
  const discount = betaPow(model, model.T - 1);
  const cost = (w: readonly Q[]) => discount.mul(w.reduce((x, y) => x.add(y), Q.ZERO));
  const payoffs = (w: readonly Q[]) => w.map((x, n) => S[n + 1]!.add(discount.mul(x)));
  return {
    model: "zhu2021",
    allocation: order,
    agents: model.N,
    dates: model.T,
    reportsInTypeSpace: inside,
    ...(inside ? {} : { retractedReports: retracted.map((row) => row.map(v)) }),
    perDate: dates.map(({ a }, t) => ({
      date: t + 1,
      alpha: v(a.alpha),
      bundles: a.bundles.map(v),
      principalBundle: v(a.principalBundle),
      values: { principal: s(values[t]![0]!), agents: values[t]!.slice(1).map(s) },
    })),
    contributions: { principal: s(S[0]!), agents: S.slice(1).map(s) },
    surplus: s(surplus),
    efficientSurplus: s(efficientSurplus(model, reports)),
    unlinked: { transfers: v(uW), cost: s(cost(uW)), payoffs: v(payoffs(uW)) },
    linked: {
      transfers: linked.map((d) => s(d.transfer)),
      minima: linked.map((d) => ({ unlinkedAtRetracted: s(d.unlinked), minimum: s(d.minimum), minimizer: d.minimizer.map(v) })),
      cost: s(cost(linked.map((d) => d.transfer))),
      payoffs: v(payoffs(linked.map((d) => d.transfer))),
    },
  };
}
