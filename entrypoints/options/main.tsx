import { render } from 'preact';
import { localizeDocument } from '../../components/common/document';
import { Options } from '../../components/options/Options';

localizeDocument('optionsTitle');
render(<Options />, document.getElementById('app') as HTMLElement);
