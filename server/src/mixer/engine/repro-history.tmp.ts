import { planSchedule } from './schedule';
import { planStats } from './stats';
const people = Array.from({length:16},(_,i)=>({id:'p'+i, interests:['a','b'], company:'c'+(i%3)}));
const r1 = [[0,1,2,3],[4,5,6,7],[8,9,10,11],[12,13,14,15]].map(g=>g.map(i=>'p'+i));
const history: [string,string][] = [];
for (const g of r1) for (let i=0;i<g.length;i++) for (let j=i+1;j<g.length;j++) history.push([g[i],g[j]]);
for (const R of [4,8]) {
const res = planSchedule({people, settings:{groupSize:4, seed:2, timeLimitMs:3000, separateColleagues:true, mode:'similar'}, rounds:R, history});
console.log(R, res.stats, JSON.stringify(res.rounds[0]));
console.log(planStats(people, [res.rounds[0]], history));
}
{
const res = planSchedule({people, settings:{groupSize:4, seed:2, timeLimitMs:3000, separateColleagues:true, mode:'similar'}, rounds:8, history});
for (let k=1;k<=5;k++) console.log(k, planStats(people, res.rounds.slice(0,k), history).repeatPairs);
}
