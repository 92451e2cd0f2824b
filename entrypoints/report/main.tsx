import { render } from 'preact';
import { localizeDocument } from '../../components/common/document';
import { bundleMessages, t } from '../../components/i18n';
import { Report } from '../../components/report/Report';
import { reportOrigin } from '../../lib/protocol/report-url';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';

// report.html?fmc=<url-encoded origin>: the fleet report of that FMC.
// Before the first message: see `bundleMessages`.
bundleMessages({ en, fr });
localizeDocument('reportTitle');
const origin = reportOrigin(location.search);
render(
  origin ? (
    <Report origin={origin} />
  ) : (
    <main class="report">
      <h1>{t('reportHeading')}</h1>
      <p role="alert">{t('reportNoFmc')}</p>
    </main>
  ),
  document.getElementById('app') as HTMLElement,
);
