import accountActions from './account-actions.json';
import accounts from './accounts.json';
import appeals from './appeals.json';
import audit from './audit.json';
import auth from './auth.json';
import blocklists from './blocklists.json';
import common from './common.json';
import dataTable from './data-table.json';
import federation from './federation.json';
import overview from './overview.json';
import reports from './reports.json';
import rules from './rules.json';
import shell from './shell.json';
import status from './status.json';

const messages = { accountActions, accounts, appeals, audit, auth, blocklists, common, dataTable, federation, overview, reports, rules, shell, status };
export default messages;
