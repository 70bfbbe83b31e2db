// Runs the web client's order checks (web/js/orders.js) outside the browser, for
// OrderFormChecksTest: reads {view, cases} as JSON on stdin, where view is a TurnView and cases
// are Orders in protobuf's JSON mapping, and prints one list of problems per case as JSON.
import { validate } from '../../main/resources/web/js/orders.js';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const { view, cases } = JSON.parse(input);
console.log(JSON.stringify(cases.map((orders) => validate(orders, view))));
